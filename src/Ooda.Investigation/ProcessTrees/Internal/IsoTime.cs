using System.Globalization;

namespace Ooda.Investigation.ProcessTrees.Internal;

/// <summary>UTC ISO 8601, the only time format Ooda writes.</summary>
internal static class IsoTime
{
    public static string Format(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>To the second, for labels.</summary>
    public static string Short(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
