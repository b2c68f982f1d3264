namespace Ooda.Detection.Iocs.Internal;

/// <summary>What a regex indicator does after timing out on a value.</summary>
internal enum RegexTimeoutOutcome
{
    /// <summary>It moved to the linear-time engine; try the value again.</summary>
    Retry,
    /// <summary>The value is skipped; the regex stays on.</summary>
    Skipped,
    /// <summary>Too many timeouts: the regex is off for the rest of the hunt.</summary>
    Disabled,
}
