using System.Globalization;

namespace Ooda.Investigation.Timeline.Internal;

/// <summary>The time and number forms both exports share.</summary>
internal static class TimelineFormat
{
    /// <summary>ISO 8601 in UTC with microseconds and an explicit offset, the form Timesketch's importer documents.</summary>
    public static string DateTime(DateTime utc) =>
        System.DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>Microseconds since the Unix epoch, Timesketch's <c>timestamp</c>.</summary>
    public static long Microseconds(DateTime utc) => (utc.Ticks - System.DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    public static string Lane(TimelineLane lane) => lane == TimelineLane.Recorded ? "recorded" : "happened";

    public static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
