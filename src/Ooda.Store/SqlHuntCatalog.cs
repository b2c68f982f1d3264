namespace Ooda.Store;

/// <summary>
/// How the hunted events spell what SQL must name exactly: every field name, channel, provider and tenant that occurs.
/// Field names are case-insensitive in the event model but JSON keys are not, so a hunt query reads a field under each
/// spelling the store holds.
/// </summary>
public sealed record SqlHuntCatalog(
    long Events,
    IReadOnlyList<string> FieldNames,
    IReadOnlyList<string> Channels,
    IReadOnlyList<string> Providers,
    IReadOnlyList<string> Tenants);
