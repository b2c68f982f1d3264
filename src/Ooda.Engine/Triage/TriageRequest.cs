namespace Ooda.Engine.Triage;

/// <summary>An inventory (CSV or JSON) and the nmap <c>-oX</c> files of the external scans.</summary>
public sealed record TriageRequest(string InventoryPath, IReadOnlyList<string> ScanPaths);
