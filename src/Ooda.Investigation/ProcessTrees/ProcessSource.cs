namespace Ooda.Investigation.ProcessTrees;

/// <summary>Which logs saw a process start.</summary>
public enum ProcessSource
{
    /// <summary>Sysmon event 1 only.</summary>
    Sysmon,

    /// <summary>Security event 4688 only.</summary>
    Security,

    /// <summary>Sysmon 1 and Security 4688 of the same process, merged into one node.</summary>
    Both,

    /// <summary>No start event: a parent that its children name (it started before the logs); a synthetic root.</summary>
    Inferred,
}
