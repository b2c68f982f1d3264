namespace Ooda.Engine.Ingest;

/// <summary>What to ingest: a file or folder, and whose evidence it is when the layout does not say.</summary>
/// <param name="Path">A file, a <c>&lt;tenant&gt;/&lt;host&gt;/</c> collection root, or any folder with <paramref name="Tenant"/> and <paramref name="Host"/>.</param>
/// <param name="Tenant">All evidence belongs to this tenant; with no <paramref name="Host"/>, the path's first folder level names hosts.</param>
/// <param name="Host">All evidence comes from this host (needs <paramref name="Tenant"/>).</param>
public sealed record IngestRequest(string Path, string? Tenant = null, string? Host = null)
{
    /// <summary>At most this many diagnostics are kept per file; the rest are counted in one summary diagnostic.</summary>
    public int MaxDiagnosticsPerFile { get; init; } = 1000;
}
