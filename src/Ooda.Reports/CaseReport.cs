namespace Ooda.Reports;

/// <summary>
/// Everything a customer report shows about one case, as plain data: the Engine composes it from the store, the renderers
/// (<see cref="HtmlReport"/>, <see cref="MarkdownReport"/>) and exports (<see cref="StixBundle"/>, <see cref="NavigatorLayer"/>,
/// <see cref="MispEvent"/>) only read it. Every string that came from evidence is untrusted; the renderers escape it.
/// </summary>
public sealed record CaseReport
{
    public required ReportHeader Header { get; init; }

    public required ReportSummary Summary { get; init; }

    /// <summary>Hosts in the case's scope, with why each is there.</summary>
    public IReadOnlyList<ReportScopeHost> Scope { get; init; } = [];

    public ReportTimeline? Timeline { get; init; }

    public required ReportAttackMatrix Attack { get; init; }

    /// <summary>
    /// The lead host's process tree as SVG from <c>ProcessTreeSvg</c>, which writes evidence through an XML writer; embedded inline,
    /// never referenced. Null when there is no tree to show.
    /// </summary>
    public string? ProcessTreeSvg { get; init; }

    /// <summary>What <see cref="ProcessTreeSvg"/> shows, or why there is none.</summary>
    public string? ProcessTreeCaption { get; init; }

    /// <summary>The lateral-movement graph as SVG from <c>LateralGraphSvg</c> (escaped the same way); null when there is none.</summary>
    public string? LateralGraphSvg { get; init; }

    public string? LateralGraphCaption { get; init; }

    /// <summary>Linked findings, most severe first.</summary>
    public IReadOnlyList<ReportFinding> Findings { get; init; } = [];

    public IReadOnlyList<ReportIoc> Iocs { get; init; } = [];

    /// <summary>Response actions on the case and their state.</summary>
    public IReadOnlyList<ReportAction> Actions { get; init; } = [];

    public IReadOnlyList<ReportRecommendation> Recommendations { get; init; } = [];

    /// <summary>When the report was made (UTC); the only clock reading in it, so a test can pin it.</summary>
    public required DateTime GeneratedAt { get; init; }

    /// <summary>Who made it (<c>ooda 1.0 for dana</c>).</summary>
    public string GeneratedBy { get; init; } = "ooda";
}
