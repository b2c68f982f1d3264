namespace Ooda.Formats.Evtx.Internal;

/// <summary>FILETIME (100 ns intervals since 1601-01-01 UTC) conversions that work for every year, not only .NET's range.</summary>
internal static class FileTime
{
    private const long TicksPerDay = 864_000_000_000;
    private const long DaysFrom1601To1970 = 134_774;
    private const long FileTimeToDateTimeTicks = 504_911_232_000_000_000; // 1601-01-01 in DateTime ticks

    public static bool TryToDateTime(long fileTime, out DateTime value)
    {
        if (fileTime < 0 || fileTime > DateTime.MaxValue.Ticks - FileTimeToDateTimeTicks)
        {
            value = default;
            return false;
        }

        value = new DateTime(fileTime + FileTimeToDateTimeTicks, DateTimeKind.Utc);
        return true;
    }

    public static long FromDateTime(DateTime utc) => utc.Ticks - FileTimeToDateTimeTicks;

    /// <summary>Writes <c>yyyy-MM-ddTHH:mm:ss.</c> then the fraction in the given number of digits (6 or 9), then <c>Z</c>.</summary>
    public static void Write(Utf8Buffer output, ulong fileTime, int fractionDigits)
    {
        var days = (long)(fileTime / TicksPerDay);
        var rest = (long)(fileTime % TicksPerDay);
        var (year, month, day) = CivilFromDays(days - DaysFrom1601To1970);
        var seconds = rest / 10_000_000;
        var fraction = rest % 10_000_000; // 100 ns units
        WriteDateTime(output, year, month, day, (int)(seconds / 3600), (int)(seconds / 60 % 60), (int)(seconds % 60),
            fractionDigits == 6 ? (ulong)(fraction / 10) : (ulong)fraction * 100, fractionDigits);
    }

    public static void WriteDateTime(Utf8Buffer output, long year, int month, int day, int hour, int minute, int second, ulong fraction, int fractionDigits)
    {
        output.WritePadded((ulong)Math.Max(0, year), 4);
        output.Write((byte)'-');
        output.WritePadded((ulong)month, 2);
        output.Write((byte)'-');
        output.WritePadded((ulong)day, 2);
        output.Write((byte)'T');
        output.WritePadded((ulong)hour, 2);
        output.Write((byte)':');
        output.WritePadded((ulong)minute, 2);
        output.Write((byte)':');
        output.WritePadded((ulong)second, 2);
        output.Write((byte)'.');
        output.WritePadded(fraction, fractionDigits);
        output.Write((byte)'Z');
    }

    /// <summary>Howard Hinnant's days-to-civil algorithm (days since 1970-01-01).</summary>
    private static (long Year, int Month, int Day) CivilFromDays(long z)
    {
        z += 719_468;
        var era = (z >= 0 ? z : z - 146_096) / 146_097;
        var doe = z - (era * 146_097);
        var yoe = (doe - (doe / 1460) + (doe / 36_524) - (doe / 146_096)) / 365;
        var y = yoe + (era * 400);
        var doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
        var mp = ((5 * doy) + 2) / 153;
        var d = (int)(doy - (((153 * mp) + 2) / 5) + 1);
        var m = (int)(mp < 10 ? mp + 3 : mp - 9);
        return (m <= 2 ? y + 1 : y, m, d);
    }
}
