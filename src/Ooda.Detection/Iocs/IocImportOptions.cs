namespace Ooda.Detection.Iocs;

/// <summary>Limits and choices for reading IOC lists, which may come from anywhere.</summary>
public sealed record IocImportOptions
{
    public static IocImportOptions Default { get; } = new();

    /// <summary>Largest JSON document read (STIX bundles and MISP events are parsed whole).</summary>
    public long MaxJsonBytes { get; init; } = 256L << 20;

    /// <summary>Longest line of a text or CSV list; longer lines are rejected with a diagnostic, not buffered.</summary>
    public int MaxLineChars { get; init; } = 64 << 10;

    /// <summary>Longest STIX pattern parsed.</summary>
    public int MaxPatternChars { get; init; } = 64 << 10;

    /// <summary>MISP: import only attributes marked <c>to_ids</c> (the ones their authors meant for detection).</summary>
    public bool MispToIdsOnly { get; init; } = true;
}
