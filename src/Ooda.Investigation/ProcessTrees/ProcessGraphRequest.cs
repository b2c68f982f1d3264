namespace Ooda.Investigation.ProcessTrees;

/// <summary>The processes of one host that started in a window, with their ancestors from before it.</summary>
public sealed record ProcessGraphRequest
{
    /// <summary>Most process events read from the window; beyond it the graph is cut and says so.</summary>
    public const int DefaultMaxEvents = 1_000_000;

    public required string Tenant { get; init; }

    public required string Host { get; init; }

    /// <summary>Inclusive lower bound (UTC); null for the host's first event.</summary>
    public DateTime? From { get; init; }

    /// <summary>Exclusive upper bound (UTC); null for the host's last event.</summary>
    public DateTime? To { get; init; }

    /// <summary>
    /// How many generations of parents from before <see cref="From"/> are looked up, so a process started long before
    /// the window — w3wp.exe at boot — appears as itself rather than as an inferred root.
    /// </summary>
    public int AncestorGenerations { get; init; } = 16;

    /// <summary>Bounds memory against hostile volumes (a fork bomb); see <see cref="DefaultMaxEvents"/>.</summary>
    public int MaxEvents { get; init; } = DefaultMaxEvents;
}
