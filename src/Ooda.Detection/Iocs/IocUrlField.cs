namespace Ooda.Detection.Iocs;

/// <summary>
/// A URL split over several fields (IIS <c>cs-host</c> + <c>cs-uri-stem</c> + <c>cs-uri-query</c>), joined as
/// <c>://host/path?query</c> and searched for URL indicators; <c>-</c> or a missing field counts as empty.
/// </summary>
/// <param name="Host">The host field, or null when the log has none.</param>
/// <param name="Path">The path field; the URL is only built when it is present.</param>
/// <param name="Query">The query field, or null.</param>
public readonly record struct IocUrlField(string? Host, string Path, string? Query)
{
    /// <summary>The name hits carry, e.g. <c>cs-uri-stem?cs-uri-query</c>.</summary>
    public string Name => (Host is null ? string.Empty : Host + "+") + Path + (Query is null ? string.Empty : "?" + Query);
}
