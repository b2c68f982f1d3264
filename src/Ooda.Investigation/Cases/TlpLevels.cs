namespace Ooda.Investigation.Cases;

/// <summary>Traffic Light Protocol 2.0 markings; TLP 1.0's WHITE reads as CLEAR.</summary>
public static class TlpLevels
{
    public static readonly IReadOnlyList<string> All = ["clear", "green", "amber", "amber+strict", "red"];

    /// <summary>Reads <c>amber</c>, <c>TLP:AMBER+STRICT</c>, <c>white</c>; null when the text is no TLP marking.</summary>
    public static string? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim().ToLowerInvariant();
        if (value.StartsWith("tlp:", StringComparison.Ordinal))
            value = value[4..];
        if (value == "white")
            value = "clear";
        return All.Contains(value, StringComparer.Ordinal) ? value : null;
    }
}
