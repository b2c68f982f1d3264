using System.Globalization;

namespace Ooda.Engine.Json;

/// <summary>UTC ISO 8601 with seven fractional digits: the one time format of every JSON output, CLI and console alike.</summary>
public static class JsonTime
{
    public static string Format(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
