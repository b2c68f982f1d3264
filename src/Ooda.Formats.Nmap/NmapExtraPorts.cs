namespace Ooda.Formats.Nmap;

/// <summary>An <c>&lt;extraports state="filtered" count="997"&gt;</c>: ports scanned but not listed one by one.</summary>
public sealed record NmapExtraPorts(string State, int Count);
