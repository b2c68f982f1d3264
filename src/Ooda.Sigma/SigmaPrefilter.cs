namespace Ooda.Sigma;

/// <summary>How much of the prefilter <see cref="SigmaRuleSet.Evaluate"/> uses to skip rule targets that cannot match an event.</summary>
public enum SigmaPrefilter
{
    /// <summary>Every rule target is tested against every event (the reference the others are measured and checked against).</summary>
    None,

    /// <summary>Only the targets filed under the event's channel, provider, source kind and event id are tested.</summary>
    Logsource,

    /// <summary>
    /// The logsource index, then only the targets with a literal needle in the event (each target's necessary
    /// "one of these lower-cased strings occurs in this field"), found by one scan per field; the default.
    /// </summary>
    Needles,
}
