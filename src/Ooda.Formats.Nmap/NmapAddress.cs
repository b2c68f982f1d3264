namespace Ooda.Formats.Nmap;

/// <summary>An <c>&lt;address addr="…" addrtype="ipv4|ipv6|mac"/&gt;</c>.</summary>
public sealed record NmapAddress(string Address, string Type);
