namespace Ooda.Reports.Internal;

/// <summary>Traffic Light Protocol 2.0 (FIRST) labels and their sharing rule, for banners and exports.</summary>
internal static class Tlp
{
    /// <summary>clear, green, amber, amber+strict or red; anything else reads as the strictest, red.</summary>
    public static string Level(string? tlp)
    {
        var value = (tlp ?? string.Empty).Trim().ToLowerInvariant();
        if (value.StartsWith("tlp:", StringComparison.Ordinal))
            value = value[4..];
        return value switch
        {
            "white" or "clear" => "clear",
            "green" or "amber" or "amber+strict" or "red" => value,
            _ => "red",
        };
    }

    public static string Label(string? tlp) => "TLP:" + Level(tlp).ToUpperInvariant();

    public static string CssClass(string? tlp) => "tlp-" + Level(tlp).Replace('+', '-');

    public static string Rule(string? tlp) => Level(tlp) switch
    {
        "clear" => "Recipients may share this report without limit, subject to copyright.",
        "green" => "Recipients may share this report within their community, but not publicly.",
        "amber" => "Recipients may share this report on a need-to-know basis within their organisation and with its clients.",
        "amber+strict" => "Recipients may share this report on a need-to-know basis within their organisation only.",
        _ => "For the named recipients only; no further sharing.",
    };
}
