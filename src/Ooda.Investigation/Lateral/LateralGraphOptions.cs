namespace Ooda.Investigation.Lateral;

/// <summary>How edges are judged: the baseline thresholds, how artefacts and connections tie to logons, how much evidence to keep.</summary>
public sealed record LateralGraphOptions
{
    public static readonly LateralGraphOptions Default = new();

    /// <summary>A (source, target, account) pair seen on fewer distinct days than this in the store is rare, hence suspicious.</summary>
    public int RareBelowDays { get; init; } = 2;

    /// <summary>From a host in the case's scope (or reached by the attacker) a pair must be seen on at least this many days to stay routine.</summary>
    public int ScopeRoutineDays { get; init; } = 3;

    /// <summary>How long before a service install or remote process its logon may have happened when no session id ties them.</summary>
    public TimeSpan TieWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How far apart a source-side connection and the target's logons may be to count as one movement.</summary>
    public TimeSpan CorrelationWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>At most this many evidence records per edge besides its execution artefacts, earliest first.</summary>
    public int EvidencePerEdge { get; init; } = 12;
}
