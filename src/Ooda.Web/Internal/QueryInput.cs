using System.Globalization;
using Ooda.Investigation.ProcessTrees;
using Ooda.Investigation.Timeline;

namespace Ooda.Web.Internal;

/// <summary>Query-string values parsed the way the CLI parses its options; a bad value is a <see cref="FormatException"/> naming the parameter.</summary>
internal static class QueryInput
{
    public static DateTime? Time(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? DateTime.SpecifyKind(value, DateTimeKind.Utc)
            : throw new FormatException($"{name}: '{Clip(text)}' is not a time (ISO 8601, e.g. 2021-08-07T03:41:16Z)");
    }

    public static TimeSpan? Duration(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            return TimelineDuration.Parse(text);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{name}: {e.Message}", e);
        }
    }

    public static ProcessSelection Selection(string? root, string? pid, string? at, string? guid)
    {
        var selection = new ProcessSelection
        {
            RootImage = string.IsNullOrWhiteSpace(root) ? null : root.Trim(),
            Pid = string.IsNullOrWhiteSpace(pid) ? null : Pid(pid),
            At = Time(at, "at"),
            Guid = string.IsNullOrWhiteSpace(guid) ? null : guid.Trim(),
        };
        try
        {
            selection.Validate();
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message, e);
        }

        return selection;
    }

    public static (DateTime? From, DateTime? To) Window(string? from, string? to)
    {
        var start = Time(from, "from");
        var end = Time(to, "to");
        return start is { } s && end is { } e && e <= s ? throw new FormatException("to must be after from") : (start, end);
    }

    private static long Pid(string text)
    {
        var t = text.Trim();
        var ok = t.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(t.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            : long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        return ok && value >= 0 ? value : throw new FormatException($"pid: '{Clip(text)}' is not a process id (decimal, or hex like 0x1a2c)");
    }

    private static string Clip(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
