namespace Ooda.Detection.Yara;

/// <summary>Bounds for one scanner.</summary>
/// <param name="Timeout">Longest a scan may run; libyara counts whole seconds, so it is rounded up to at least one.</param>
/// <param name="MaxStringMatches">String matches kept per matching rule; the rule still matches when more are found.</param>
/// <param name="MaxDataBytes">Matched bytes kept per string match.</param>
public sealed record YaraScanOptions(TimeSpan Timeout, int MaxStringMatches = 64, int MaxDataBytes = 64)
{
    public static YaraScanOptions Default { get; } = new(TimeSpan.FromSeconds(60));
}
