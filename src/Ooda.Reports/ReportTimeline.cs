namespace Ooda.Reports;

/// <summary>The window of the timeline the report shows and its rows that carry findings.</summary>
/// <param name="From">Start of the window (UTC).</param>
/// <param name="To">End of the window (UTC).</param>
/// <param name="Anchor">The time the window pivots on; null when none.</param>
/// <param name="AnchorLabel">What the anchor is (<c>earliest finding 3f2a… on acme-ex01</c>).</param>
/// <param name="Rows">Rows carrying findings, oldest first.</param>
/// <param name="TotalRows">Rows in the window, marked or not.</param>
public sealed record ReportTimeline(
    DateTime From,
    DateTime To,
    DateTime? Anchor,
    string? AnchorLabel,
    IReadOnlyList<ReportTimelineRow> Rows,
    int TotalRows);
