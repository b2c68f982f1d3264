using Ooda.Investigation.ProcessTrees.Internal;

namespace Ooda.Investigation.ProcessTrees;

/// <summary>One process of a host's process graph, with the events it was built from.</summary>
public sealed record ProcessNode
{
    /// <summary>Index of this node in <see cref="ProcessGraph.Nodes"/>: nodes are ordered by start time.</summary>
    public required int Id { get; init; }

    public long? Pid { get; init; }

    /// <summary>Sysmon's ProcessGuid, upper case without braces, when Sysmon saw the process.</summary>
    public string? Guid { get; init; }

    /// <summary>The executable's path as logged; empty when no event names it.</summary>
    public required string Image { get; init; }

    public string? CommandLine { get; init; }

    /// <summary>True when the command line was too long and is cut (the event in the store holds it whole).</summary>
    public bool CommandLineClipped { get; init; }

    /// <summary>The account, <c>DOMAIN\name</c>.</summary>
    public string? User { get; init; }

    /// <summary>Integrity level: Low, Medium, High, System… (from Sysmon, or from 4688's mandatory label).</summary>
    public string? Integrity { get; init; }

    /// <summary>When the process started (UTC); null for an inferred process.</summary>
    public DateTime? Start { get; init; }

    /// <summary>When the process ended (UTC), from Sysmon 5 or 4689; null when not in the logs.</summary>
    public DateTime? End { get; init; }

    /// <summary>The parent's <see cref="Id"/>, or null for a root.</summary>
    public int? ParentId { get; init; }

    public required ProcessParentLink ParentLink { get; init; }

    public required ProcessSource Source { get; init; }

    /// <summary>The start and end events this node was built from, oldest first; empty for an inferred process.</summary>
    public IReadOnlyList<ProcessEvidence> Evidence { get; init; } = [];

    /// <summary>The executable's file name (<c>w3wp.exe</c>).</summary>
    public string Name => ImagePaths.FileName(Image);
}
