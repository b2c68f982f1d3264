namespace Ooda.Investigation.Timeline;

/// <summary>What a <c>--around</c> value names.</summary>
public enum TimelineAnchorKind
{
    /// <summary>A UTC time, ISO 8601.</summary>
    Time,

    /// <summary>One stored event: <c>&lt;sha256-prefix&gt;:&lt;record-id&gt;</c> or <c>&lt;sha256-prefix&gt;:L&lt;line&gt;</c>.</summary>
    Event,

    /// <summary>A finding, by id or a unique prefix of at least 6 characters.</summary>
    Finding,
}
