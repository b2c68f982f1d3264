using Ooda.Core;

namespace Ooda.Formats.Text.Internal;

/// <summary>The field layout declared by the latest <c>#Fields:</c> directive and what it implies for each line.</summary>
internal sealed class W3cHeader
{
    private const string IisSoftware = "Internet Information Services";
    private const string FirewallSoftware = "Firewall";

    public W3cHeader(string[] names, string? software)
    {
        Names = names;
        DateIndex = Array.FindIndex(names, n => n.Equals("date", StringComparison.OrdinalIgnoreCase));
        TimeIndex = Array.FindIndex(names, n => n.Equals("time", StringComparison.OrdinalIgnoreCase));
        SiteIndex = Array.FindIndex(names, n => n.Equals("s-sitename", StringComparison.OrdinalIgnoreCase));
        var isIis = (software?.Contains(IisSoftware, StringComparison.OrdinalIgnoreCase) ?? false)
            || SiteIndex >= 0
            || Array.Exists(names, n => n.Equals("cs-uri-stem", StringComparison.OrdinalIgnoreCase));
        Kind = isIis ? SourceKind.IisW3c : SourceKind.W3c;
        DefaultChannel = isIis ? "IIS"
            : software is null ? "W3C"
            : software.Contains(FirewallSoftware, StringComparison.OrdinalIgnoreCase) ? "Firewall"
            : software;
    }

    public string[] Names { get; }

    public int DateIndex { get; }

    public int TimeIndex { get; }

    /// <summary>Index of <c>s-sitename</c> (e.g. <c>W3SVC1</c>, the IIS channel), or -1.</summary>
    public int SiteIndex { get; }

    public SourceKind Kind { get; }

    public string DefaultChannel { get; }
}
