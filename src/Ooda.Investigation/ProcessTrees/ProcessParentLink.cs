namespace Ooda.Investigation.ProcessTrees;

/// <summary>How a process was joined to its parent.</summary>
public enum ProcessParentLink
{
    /// <summary>No parent: the child named none, or this is an inferred process.</summary>
    None,

    /// <summary>Sysmon's ParentProcessGuid named the parent.</summary>
    Guid,

    /// <summary>The parent's process id, resolved by time: the latest process with that id started before the child and not known to have ended.</summary>
    ProcessId,

    /// <summary>The parent's start is not in the logs; the parent is an inferred node named from the child's event.</summary>
    Inferred,

    /// <summary>The parent link closed a cycle (hostile or corrupt data) and was cut here.</summary>
    CycleCut,
}
