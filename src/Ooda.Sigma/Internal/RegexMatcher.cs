using System.Text.RegularExpressions;

namespace Ooda.Sigma.Internal;

/// <summary>The <c>re</c> modifier: case-sensitive unless <c>|i</c>; matched on the raw value.</summary>
internal sealed class RegexMatcher(Regex regex) : TextMatcher
{
    public override bool MatchText(string raw, ref string? lower)
    {
        try
        {
            return regex.IsMatch(raw);
        }
        catch (RegexMatchTimeoutException)
        {
            // Evidence is hostile: a pathological value must not stall the hunt; it counts as no match.
            return false;
        }
    }
}
