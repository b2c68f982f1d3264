namespace Ooda.Formats.Nmap;

/// <summary>A <c>&lt;service&gt;</c> as <c>-sV</c> reports it; HTTPS shows as <c>name="http" tunnel="ssl"</c>.</summary>
public sealed record NmapService(string? Name, string? Product, string? Version, string? Tunnel);
