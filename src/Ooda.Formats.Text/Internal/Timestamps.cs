using System.Globalization;

namespace Ooda.Formats.Text.Internal;

/// <summary>Timestamp parsing: allocation-free fast paths for the fixed W3C forms, invariant-culture fallbacks otherwise.</summary>
internal static class Timestamps
{
    /// <summary><see cref="DateTime.MinValue"/> marked UTC: the event model's "no time".</summary>
    public static readonly DateTime None = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);

    private static readonly string[] _legacyDateFormats = ["M/d/yy", "M/d/yyyy"];

    /// <summary>W3C <c>yyyy-MM-dd</c>.</summary>
    public static bool TryParseW3cDate(ReadOnlySpan<byte> s, out DateTime date)
    {
        date = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-')
            return false;
        if (!TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day))
            return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc);
        return true;
    }

    /// <summary>W3C <c>HH:mm:ss</c> or <c>HH:mm:ss.fff</c> (any number of fraction digits, 7 kept); also <c>H:mm:ss</c>.</summary>
    public static bool TryParseW3cTime(ReadOnlySpan<byte> s, out TimeSpan time)
    {
        time = default;
        var firstColon = s.IndexOf((byte)':');
        if (firstColon is < 1 or > 2 || s.Length < firstColon + 6 || s[firstColon + 3] != ':')
            return false;
        if (!TryDigits(s[..firstColon], out var hour) || !TryDigits(s.Slice(firstColon + 1, 2), out var minute)
            || !TryDigits(s.Slice(firstColon + 4, 2), out var second))
            return false;
        if (hour > 23 || minute > 59 || second > 60)
            return false;
        var rest = s[(firstColon + 6)..];
        long ticks = 0;
        if (!rest.IsEmpty)
        {
            if (rest[0] != '.' || rest.Length == 1)
                return false;
            var fraction = rest[1..];
            var scale = TimeSpan.TicksPerSecond;
            foreach (var b in fraction)
            {
                if (b is < (byte)'0' or > (byte)'9')
                    return false;
                scale /= 10;
                ticks += (b - '0') * scale;
            }
        }

        time = new TimeSpan(((hour * 60L + minute) * 60 + Math.Min(second, 59)) * TimeSpan.TicksPerSecond + ticks);
        return true;
    }

    /// <summary>The legacy IIS <c>MM/DD/YY</c> date; two-digit years 70–99 are 19xx, the rest 20xx.</summary>
    public static bool TryParseLegacyDate(string s, out DateTime date)
    {
        if (!DateTime.TryParseExact(s, _legacyDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = default;
            return false;
        }

        var slash = s.LastIndexOf('/');
        if (s.Length - slash - 1 == 2)
        {
            var twoDigit = parsed.Year % 100;
            parsed = parsed.AddYears((twoDigit >= 70 ? 1900 + twoDigit : 2000 + twoDigit) - parsed.Year);
        }

        date = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
        return true;
    }

    /// <summary>Any invariant-culture date and time; an offset or <c>Z</c> is honoured, otherwise the value is taken as UTC.</summary>
    public static bool TryParseUtc(string s, out DateTime utc)
    {
        if (TryParseIsoZulu(s, out utc))
            return true;
        if (DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            utc = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
            return true;
        }

        utc = default;
        return false;
    }

    /// <summary>
    /// The evtx SystemTime form <c>yyyy-MM-ddTHH:mm:ss[.f…]Z</c> with up to 7 fraction digits, without the general
    /// parser; it accepts only what <see cref="DateTime.TryParse(string, IFormatProvider, DateTimeStyles, out DateTime)"/>
    /// reads to the same instant, and leaves everything else to it.
    /// </summary>
    public static bool TryParseIsoZulu(ReadOnlySpan<char> s, out DateTime utc)
    {
        utc = default;
        if (s.Length is < 20 or > 28 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[^1] != 'Z')
            return false;
        if (!TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day)
            || !TryDigits(s.Slice(11, 2), out var hour) || !TryDigits(s.Slice(14, 2), out var minute) || !TryDigits(s.Slice(17, 2), out var second))
            return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return false;
        long ticks = 0;
        if (s.Length > 20)
        {
            var fraction = s[20..^1];
            if (s[19] != '.' || fraction.IsEmpty)
                return false;
            var scale = TimeSpan.TicksPerSecond;
            foreach (var c in fraction)
            {
                if (c is < '0' or > '9')
                    return false;
                scale /= 10;
                ticks += (c - '0') * scale;
            }
        }

        utc = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            var digit = c - '0';
            if ((uint)digit > 9)
                return false;
            value = value * 10 + digit;
        }

        return !s.IsEmpty;
    }

    private static bool TryDigits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var b in s)
        {
            var digit = b - '0';
            if ((uint)digit > 9)
                return false;
            value = value * 10 + digit;
        }

        return !s.IsEmpty;
    }
}
