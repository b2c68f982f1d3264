namespace Ooda.LoadTest;

/// <summary>One load run: the console and its API token, how many readers for how long, how many uploads, what to read, where receipts go.</summary>
internal sealed record LoadSettings(Uri Console, string Token, int Clients, int Seconds, int Uploads, string Tenant, string CaseId, string ReceiptsPath);
