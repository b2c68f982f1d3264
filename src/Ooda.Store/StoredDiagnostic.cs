namespace Ooda.Store;

/// <summary>A diagnostic kept with the file it was raised on.</summary>
public sealed record StoredDiagnostic(string Tenant, string Host, string FileSha256, string Path, string Location, string Severity, string Message);
