using System.Globalization;
using Ooda.Engine.Json;

namespace Ooda.Cli.Rendering;

/// <summary>UTC ISO 8601 times, the only time format Ooda prints.</summary>
public static class Iso
{
    public static string Format(DateTime utc) => JsonTime.Format(utc);

    /// <summary>Parses a user-given time: ISO 8601 (a missing zone means UTC) or a date.</summary>
    public static DateTime Parse(string text, string option)
    {
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
            return DateTime.SpecifyKind(value, DateTimeKind.Utc);
        throw new InputException($"{option}: '{text}' is not a time (use ISO 8601, e.g. 2021-08-06T10:00:00Z)");
    }
}
