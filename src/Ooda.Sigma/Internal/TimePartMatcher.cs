using System.Globalization;

namespace Ooda.Sigma.Internal;

/// <summary>The time modifiers (Sigma 2.1): a number taken from a date value as written, without time-zone conversion.</summary>
internal sealed class TimePartMatcher(TimePart part, int expected) : TextMatcher
{
    public override bool MatchText(string raw, ref string? lower)
    {
        if (!DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var time))
            return false;
        var clock = time.DateTime;
        var actual = part switch
        {
            TimePart.Minute => clock.Minute,
            TimePart.Hour => clock.Hour,
            TimePart.Day => clock.Day,
            TimePart.Week => ISOWeek.GetWeekOfYear(clock),
            TimePart.Month => clock.Month,
            _ => clock.Year,
        };
        return actual == expected;
    }
}
