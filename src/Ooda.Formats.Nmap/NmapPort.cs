namespace Ooda.Formats.Nmap;

/// <summary>A listed <c>&lt;port&gt;</c>: protocol, number, state (<c>open</c>, <c>filtered</c>, <c>closed</c>, …) and service.</summary>
public sealed record NmapPort(string Protocol, int Port, string State, string? Reason, NmapService? Service);
