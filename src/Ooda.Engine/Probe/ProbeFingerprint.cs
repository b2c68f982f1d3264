using Ooda.Knowledge;

namespace Ooda.Engine.Probe;

/// <summary>What the front end gives away about itself.</summary>
/// <param name="LooksLikeExchange">An Exchange header, OWA resource path or OWA title was seen.</param>
/// <param name="OwaVersionHeader">The <c>X-OWA-Version</c> value (full build), clipped.</param>
/// <param name="OwaPathBuild">The build from an <c>/owa/auth/&lt;build&gt;/</c> path in the page (usually three parts: CU only).</param>
/// <param name="Build">The build used for the assessment: the header's, else the path's.</param>
/// <param name="BuildSource">Where <see cref="Build"/> came from.</param>
/// <param name="ServerNames">Internal names leaked by <c>X-FEServer</c>, <c>X-BEServer</c>, <c>X-CalculatedBETarget</c>.</param>
public sealed record ProbeFingerprint(
    bool LooksLikeExchange,
    string? OwaVersionHeader,
    string? OwaPathBuild,
    ExchangeBuild? Build,
    string? BuildSource,
    IReadOnlyList<ProbeEvidence> ServerNames);
