using System.Globalization;

namespace Ooda.Formats.Nmap;

/// <summary>A port list as nmap writes it in <c>scaninfo/@services</c>: <c>25,80,443</c> or <c>1-1000,3389</c>.</summary>
public sealed class NmapPortSet
{
    private readonly (int From, int To)[] _ranges;

    private NmapPortSet((int From, int To)[] ranges) => _ranges = ranges;

    public bool Contains(int port) => _ranges.Any(r => port >= r.From && port <= r.To);

    /// <summary>Null when the text is not a port list.</summary>
    public static NmapPortSet? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var ranges = new List<(int, int)>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            var from = dash < 0 ? part : part[..dash];
            var to = dash < 0 ? part : part[(dash + 1)..];
            if (!int.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var a) || !int.TryParse(to, NumberStyles.None, CultureInfo.InvariantCulture, out var b))
                return null;
            ranges.Add((a, b));
        }

        return new NmapPortSet([.. ranges]);
    }
}
