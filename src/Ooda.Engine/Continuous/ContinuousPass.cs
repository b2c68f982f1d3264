namespace Ooda.Engine.Continuous;

/// <summary>What one pass over the inbox and the work queue did.</summary>
/// <param name="Arrived">Files newly queued (from the folder or uploads since the last pass).</param>
/// <param name="Duplicates">Files whose content was queued already; their copies were removed from the inbox.</param>
/// <param name="Unsettled">Files still being written, left for a later pass.</param>
/// <param name="Ingested">Queued files whose events entered the store in this pass.</param>
/// <param name="Hunted">Queued files whose new events were hunted and whose findings and leads were saved.</param>
/// <param name="Failed">Steps that failed in this pass (retried later until the attempt limit).</param>
/// <param name="Events">Events added to the store.</param>
/// <param name="EventsHunted">Events the runbooks and Sigma rules read: only those of the files hunted in this pass.</param>
/// <param name="Findings">Findings new to the workspace.</param>
/// <param name="LeadsRaised">Leads raised anew.</param>
/// <param name="LeadsUpdated">Leads that gained findings (or re-opened).</param>
/// <param name="Problems">What went wrong and where, one line each.</param>
public sealed record ContinuousPass(
    int Arrived,
    int Duplicates,
    int Unsettled,
    int Ingested,
    int Hunted,
    int Failed,
    long Events,
    long EventsHunted,
    int Findings,
    int LeadsRaised,
    int LeadsUpdated,
    IReadOnlyList<string> Problems,
    TimeSpan Elapsed)
{
    /// <summary>True when the pass found nothing to do.</summary>
    public bool Idle => Arrived + Duplicates + Ingested + Hunted + Failed == 0;
}
