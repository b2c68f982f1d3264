using System.Text.RegularExpressions;

namespace Ooda.Sigma.Internal;

/// <summary>
/// The <c>re</c> modifier: case-sensitive unless <c>|i</c>; matched on the raw value. The pattern is checked with the
/// cheap backtracking parser when the rule compiles; the linear-time engine is built on first use (Sigma's regex subset
/// has no lookarounds or backreferences), so '\+.*\+.*\+…' cannot backtrack catastrophically on hostile values.
/// A value without one of the pattern's required literals (<see cref="RegexLiteral"/>) is refused before the engine is built or run.
/// </summary>
internal sealed class RegexMatcher : TextMatcher
{
    private readonly Lazy<Regex> _regex;
    private readonly string[]? _literals;
    private readonly bool _literalIgnoresCase;

    public RegexMatcher(Regex validated)
    {
        Pattern = validated.ToString();
        Options = validated.Options;
        _literals = RegexLiteral.Required(Pattern, Options, out _literalIgnoresCase);
        _regex = new Lazy<Regex>(() =>
        {
            try
            {
                // Linear in the value's length, so no timeout: one would make matches depend on the machine's load.
                return new Regex(validated.ToString(), validated.Options | RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
            }
            catch (NotSupportedException)
            {
                return validated;
            }
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Pattern { get; }

    public RegexOptions Options { get; }

    public override bool MatchText(string raw, ref string? lower)
    {
        if (_literals is not null && !RegexLiteral.MayMatch(raw, _literals, _literalIgnoresCase))
            return false;
        try
        {
            return _regex.Value.IsMatch(raw);
        }
        catch (RegexMatchTimeoutException)
        {
            // Only a pattern outside Sigma's subset runs backtracking; a pathological value counts as no match.
            return false;
        }
    }
}
