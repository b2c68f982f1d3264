using System.Text.RegularExpressions;

namespace Ooda.Detection.Iocs.Internal;

/// <summary>
/// A regex indicator ready to run. It starts on the backtracking interpreter, which is quick to build (a large list has
/// thousands of regexes, most never reached past their prefilter); the first timeout moves it to the linear-time engine,
/// which hostile text cannot stall. Patterns that engine cannot run (lookarounds, back-references) stay under the timeout
/// and are switched off after repeated timeouts.
/// </summary>
internal sealed class CompiledRegex
{
    private readonly string _pattern;
    private readonly string? _exclude;
    private readonly TimeSpan _timeout;
    private Engines _engines;
    private int _timeouts;

    public CompiledRegex(string pattern, string? exclude, TimeSpan timeout)
    {
        _pattern = pattern;
        _exclude = exclude;
        _timeout = timeout;
        Backtracking = NeedsBacktracking(pattern) || (exclude is not null && NeedsBacktracking(exclude));
        _engines = new Engines(Create(pattern, linear: false), exclude is null ? null : Create(exclude, linear: false), Linear: false);
    }

    /// <summary>True when the pattern can only run on the backtracking engine (lookarounds, back-references, atomic groups).</summary>
    public bool Backtracking { get; }

    public bool Disabled { get; private set; }

    /// <summary>True when the pattern matches and the exclusion does not; may throw <see cref="RegexMatchTimeoutException"/>.</summary>
    public bool IsMatch(ReadOnlySpan<char> text)
    {
        var engines = _engines;
        return engines.Pattern.IsMatch(text) && engines.Exclude?.IsMatch(text) != true;
    }

    /// <summary>Handles a timeout: move to the linear-time engine when possible, else count towards switching off.</summary>
    public RegexTimeoutOutcome TimedOut(int limit)
    {
        var engines = _engines;
        if (!engines.Linear && !Backtracking)
        {
            try
            {
                _engines = new Engines(Create(_pattern, linear: true), _exclude is null ? null : Create(_exclude, linear: true), Linear: true);
                return RegexTimeoutOutcome.Retry;
            }
            catch (NotSupportedException)
            {
                // A construct the syntax check missed: stay on the backtracking engine.
            }
        }

        if (Interlocked.Increment(ref _timeouts) < limit || Disabled)
            return RegexTimeoutOutcome.Skipped;
        Disabled = true;
        return RegexTimeoutOutcome.Disabled;
    }

    private Regex Create(string pattern, bool linear) =>
        new(pattern, linear ? RegexOptions.CultureInvariant | RegexOptions.NonBacktracking : RegexOptions.CultureInvariant, _timeout);

    /// <summary>Constructs the linear-time engine refuses: lookarounds, back-references, atomic groups, conditionals.</summary>
    private static bool NeedsBacktracking(string pattern)
    {
        for (var i = 0; i + 1 < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                if (pattern[i + 1] is >= '1' and <= '9' or 'k' or 'G')
                    return true;
                i++;
            }
            else if (pattern[i] == '(' && pattern[i + 1] == '?' && i + 2 < pattern.Length)
            {
                var next = pattern[i + 2];
                if (next is '=' or '!' or '>' or '(' || (next == '<' && i + 3 < pattern.Length && pattern[i + 3] is '=' or '!'))
                    return true;
            }
        }

        return false;
    }

    private sealed record Engines(Regex Pattern, Regex? Exclude, bool Linear);
}
