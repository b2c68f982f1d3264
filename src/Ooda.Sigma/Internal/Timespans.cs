using System.Globalization;

namespace Ooda.Sigma.Internal;

/// <summary>Correlation <c>timespan</c>: a whole number and a lower-case unit, <c>s</c>, <c>m</c>, <c>h</c> or <c>d</c> (spec), or <c>w</c>.</summary>
internal static class Timespans
{
    public static TimeSpan Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length < 2 || !char.IsAsciiDigit(trimmed[0]))
            throw Invalid(text);
        var unit = trimmed[^1] switch
        {
            's' => TimeSpan.TicksPerSecond,
            'm' => TimeSpan.TicksPerMinute,
            'h' => TimeSpan.TicksPerHour,
            'd' => TimeSpan.TicksPerDay,
            'w' => TimeSpan.TicksPerDay * 7,
            _ => throw Invalid(text),
        };
        if (!decimal.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            throw Invalid(text);
        if (number == 0)
            throw new SigmaException(Reasons.Correlation, $"timespan '{text}' is zero");
        if (number > TimeSpan.MaxValue.Ticks / unit)
            throw new SigmaException(Reasons.Correlation, $"timespan '{text}' is longer than any time range ({TimeSpan.MaxValue.Days} days)");
        return TimeSpan.FromTicks((long)(number * unit));
    }

    private static SigmaException Invalid(string text) =>
        new(Reasons.Correlation, $"timespan '{text}' is not a number followed by s, m, h, d or w (e.g. 90m)");
}
