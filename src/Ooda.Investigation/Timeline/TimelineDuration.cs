using System.Globalization;

namespace Ooda.Investigation.Timeline;

/// <summary>Window lengths as analysts type them: <c>90m</c>, <c>6h</c>, <c>2d</c>, <c>1w</c>, <c>30s</c>, or several, <c>1d12h</c>.</summary>
public static class TimelineDuration
{
    /// <summary>Ten years: longer than any evidence window, short enough that adding it to a time cannot overflow.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(3650);

    /// <exception cref="FormatException">Not a duration, or longer than <see cref="Longest"/>.</exception>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
            throw Bad(text, "it is empty");
        var total = TimeSpan.Zero;
        while (!span.IsEmpty)
        {
            var digits = 0;
            while (digits < span.Length && char.IsAsciiDigit(span[digits]))
                digits++;
            if (digits == 0 || digits == span.Length)
                throw Bad(text, digits == 0 ? "a number must come before each unit" : "a unit must follow the number (s, m, h, d or w)");
            if (digits > 9 || !long.TryParse(span[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
                throw Bad(text, "the number is too large");
            var unit = char.ToLowerInvariant(span[digits]) switch
            {
                's' => TimeSpan.FromSeconds(1),
                'm' => TimeSpan.FromMinutes(1),
                'h' => TimeSpan.FromHours(1),
                'd' => TimeSpan.FromDays(1),
                'w' => TimeSpan.FromDays(7),
                _ => throw Bad(text, $"'{span[digits]}' is not a unit (s, m, h, d or w)"),
            };
            // Checked before multiplying, so a huge number is refused instead of overflowing.
            if (amount > (Longest - total).Ticks / unit.Ticks)
                throw Bad(text, $"it is longer than {Longest.TotalDays:0} days");
            total += unit * amount;
            span = span[(digits + 1)..];
        }

        return total;
    }

    /// <summary>The shortest form <see cref="Parse"/> reads back: <c>1d12h</c>, <c>90m</c> stays <c>1h30m</c>, zero is <c>0s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
            return "0s";
        var parts = new System.Text.StringBuilder();
        void Part(long value, char unit)
        {
            if (value > 0)
                parts.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }

        Part((long)duration.TotalDays, 'd');
        Part(duration.Hours, 'h');
        Part(duration.Minutes, 'm');
        Part(duration.Seconds, 's');
        return parts.Length == 0 ? "0s" : parts.ToString();
    }

    private static FormatException Bad(string text, string why) =>
        new($"'{text}' is not a duration like 90m, 6h or 2d: {why}");
}
