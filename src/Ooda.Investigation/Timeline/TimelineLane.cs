namespace Ooda.Investigation.Timeline;

/// <summary>Which clock a timeline row's time comes from.</summary>
public enum TimelineLane
{
    /// <summary>When it happened, by the evidence's own time (an event, a file's times, a finding's evidence).</summary>
    Happened,

    /// <summary>When an analyst or the workspace recorded or acted on something (case notes, status changes, links).</summary>
    Recorded,
}
