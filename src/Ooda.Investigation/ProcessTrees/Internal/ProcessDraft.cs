namespace Ooda.Investigation.ProcessTrees.Internal;

/// <summary>A process while the graph is assembled: filled from its start, merged twin and end, then linked.</summary>
internal sealed class ProcessDraft
{
    public long? Pid { get; set; }

    public string? Guid { get; set; }

    public string Image { get; set; } = string.Empty;

    public string? CommandLine { get; set; }

    public bool CommandLineClipped { get; set; }

    public string? User { get; set; }

    public string? Integrity { get; set; }

    public DateTime? Start { get; set; }

    public DateTime? End { get; set; }

    public bool FromSysmon { get; set; }

    public bool FromSecurity { get; set; }

    public bool Inferred { get; set; }

    /// <summary>Started in the window (a start event at or after its beginning); only these and their ancestors make the graph.</summary>
    public bool InWindow { get; set; }

    /// <summary>End events attached; they count as unmatched if this process is left out of the graph.</summary>
    public int Ends { get; set; }

    public string? ParentGuid { get; set; }

    public long? ParentPid { get; set; }

    public string? ParentImage { get; set; }

    public string? ParentCommandLine { get; set; }

    public string? ParentUser { get; set; }

    public List<ProcessEvidence> Evidence { get; } = [];

    /// <summary>Index of the parent draft, or -1.</summary>
    public int Parent { get; set; } = -1;

    public ProcessParentLink Link { get; set; }

    /// <summary>The parent GUID named no known process: worth looking for before the window.</summary>
    public bool LookupGuid { get; set; }

    /// <summary>No process with the parent's id started before this one: worth looking for before the window.</summary>
    public bool LookupPid { get; set; }

    public ProcessSource Source =>
        Inferred ? ProcessSource.Inferred
        : FromSysmon && FromSecurity ? ProcessSource.Both
        : FromSysmon ? ProcessSource.Sysmon
        : ProcessSource.Security;
}
