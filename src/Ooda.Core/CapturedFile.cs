namespace Ooda.Core;

/// <summary>A file captured from a host (KAPE <c>fs/C/…</c> or Velociraptor <c>uploads/auto/C%3A/…</c>), under its original Windows path.</summary>
/// <param name="OriginalPath">The path the file had on the host, e.g. <c>C:\inetpub\wwwroot\aspnet_client\shell.aspx</c>.</param>
/// <param name="SourcePath">Where the captured copy lies in the collection.</param>
/// <param name="Modified">Last write time (UTC) of the captured copy, which collectors preserve.</param>
/// <param name="FirstBytes">Up to the first 16 bytes, for magic-number triage.</param>
public sealed record CapturedFile(
    string Tenant,
    string Host,
    string OriginalPath,
    string SourcePath,
    long Size,
    DateTime Modified,
    DateTime Created,
    string Sha256,
    byte[] FirstBytes);
