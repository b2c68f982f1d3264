namespace Ooda.Detection.Iocs;

/// <summary>What a STIX export says about itself; fixed inputs make the output byte-for-byte reproducible.</summary>
public sealed record StixExportOptions
{
    /// <summary>The <c>created</c>/<c>modified</c> time of every object, and <c>valid_from</c> of indicators without one.</summary>
    public required DateTime Created { get; init; }

    /// <summary>The producing <c>identity</c> object's name.</summary>
    public string IdentityName { get; init; } = "Ooda";

    /// <summary>Indent the JSON for people; off gives one line.</summary>
    public bool Indented { get; init; } = true;
}
