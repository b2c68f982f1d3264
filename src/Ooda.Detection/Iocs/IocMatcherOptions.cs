using Ooda.Core;

namespace Ooda.Detection.Iocs;

/// <summary>How an <see cref="IocMatcher"/> reads events and guards itself against hostile input.</summary>
public sealed record IocMatcherOptions
{
    public static IocMatcherOptions Default { get; } = new();

    /// <summary>Which fields each kind is tested against.</summary>
    public IocFieldMap Fields { get; init; } = IocFieldMap.Default;

    /// <summary>Longest time one regular expression may spend on one value before it is abandoned with a diagnostic.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>After this many timeouts a regular expression is switched off for the rest of the hunt, so hostile events cannot stall it.</summary>
    public int RegexTimeoutsBeforeDisable { get; init; } = 3;

    /// <summary>Longest <see cref="IocHit.Text"/>.</summary>
    public int MaxHitText { get; init; } = 200;

    /// <summary>Most hits reported for one event or file; a hostile event cannot flood the caller.</summary>
    public int MaxHitsPerEvent { get; init; } = 256;

    /// <summary>Longest field value read (characters); the rest of a longer value is not searched.</summary>
    public int MaxValueLength { get; init; } = 1 << 20;

    /// <summary>
    /// When true an event only matches indicators valid at its timestamp. Off by default: hunting is retrospective, and
    /// an indicator published today is evidence about last month's logs.
    /// </summary>
    public bool RespectValidity { get; init; }

    /// <summary>Receives problems met while matching (a regex timing out on an event); null drops them.</summary>
    public Action<Diagnostic>? OnDiagnostic { get; init; }
}
