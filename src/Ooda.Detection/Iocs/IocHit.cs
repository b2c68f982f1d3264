namespace Ooda.Detection.Iocs;

/// <summary>An indicator found in one field of an event or in a captured file.</summary>
/// <param name="Ioc">The indicator that matched.</param>
/// <param name="Field">The event field (<c>CommandLine</c>, <c>cs-uri-stem?cs-uri-query</c>) or file property (<c>Sha256</c>, <c>OriginalPath</c>).</param>
/// <param name="Text">The text that matched, with some context, clipped to <see cref="IocMatcherOptions.MaxHitText"/> characters.</param>
public sealed record IocHit(Ioc Ioc, string Field, string Text);
