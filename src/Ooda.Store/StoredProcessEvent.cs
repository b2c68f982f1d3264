namespace Ooda.Store;

/// <summary>
/// One process start or end as the store holds it — Sysmon 1/5 or Security 4688/4689 — with the fields of both sources
/// brought to one shape: Sysmon's decimal and Security's hex process ids as numbers, Sysmon's GUIDs in upper case without
/// braces (the all-zero GUID as null), and Security's account as <c>DOMAIN\name</c>. Long texts arrive clipped.
/// </summary>
public sealed record StoredProcessEvent
{
    /// <summary>When the event was logged (UTC).</summary>
    public required DateTime Timestamp { get; init; }

    /// <summary>1 (Sysmon process create), 5 (Sysmon process terminated), 4688 (process created) or 4689 (process exited).</summary>
    public required int EventId { get; init; }

    public long? RecordId { get; init; }

    public required string FileSha256 { get; init; }

    public required string File { get; init; }

    public long? Offset { get; init; }

    public long? Line { get; init; }

    /// <summary>Sysmon ProcessId, 4688 NewProcessId, 4689 ProcessId.</summary>
    public long? ProcessId { get; init; }

    /// <summary>Sysmon ProcessGuid.</summary>
    public string? ProcessGuid { get; init; }

    /// <summary>Sysmon ParentProcessId, 4688 ProcessId (the creator).</summary>
    public long? ParentProcessId { get; init; }

    public string? ParentProcessGuid { get; init; }

    /// <summary>Sysmon Image, 4688 NewProcessName, 4689 ProcessName.</summary>
    public string? Image { get; init; }

    /// <summary>Sysmon ParentImage, 4688 ParentProcessName (absent before Windows 10).</summary>
    public string? ParentImage { get; init; }

    public string? CommandLine { get; init; }

    /// <summary>True when <see cref="CommandLine"/> was longer than <see cref="Workspace.MaxProcessCommandLine"/> and is cut.</summary>
    public bool CommandLineClipped { get; init; }

    public string? ParentCommandLine { get; init; }

    /// <summary>Sysmon User; for 4688 the target account when the event names one, else the subject.</summary>
    public string? User { get; init; }

    public string? ParentUser { get; init; }

    /// <summary>Sysmon IntegrityLevel (<c>High</c>) or 4688 MandatoryLabel (<c>S-1-16-12288</c>).</summary>
    public string? Integrity { get; init; }

    /// <summary>Sysmon's UtcTime: when the process started or ended, as opposed to when the event was logged.</summary>
    public DateTime? ProcessTime { get; init; }

    /// <summary>The event's row in the process index: tells two reads of one event apart while the workspace stays open and unchanged.</summary>
    public long Row { get; init; }

    public bool IsSysmon => EventId is 1 or 5;

    public bool IsStart => EventId is 1 or 4688;
}
