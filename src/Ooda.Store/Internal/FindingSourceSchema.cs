namespace Ooda.Store.Internal;

/// <summary>
/// Migration 10 (after the process index): a finding is one rule on one piece of evidence, however many runbook steps hunted it (issue 7). The runbook
/// step moves out of the finding into one row per source; findings stored before keep their ids, and their step becomes
/// their one source. Leads are keyed by the rule that fired instead of the step, so a rule in several runbooks is one lead.
/// </summary>
internal static class FindingSourceSchema
{
    public static readonly string[] Statements =
    [
        // Empty strings, not NULL, for an unknown version or hunt: they are part of the key.
        """
        CREATE TABLE finding_sources (
            finding_id       VARCHAR   NOT NULL,
            runbook_id       VARCHAR   NOT NULL,
            runbook_version  VARCHAR   NOT NULL,
            hunt_id          VARCHAR   NOT NULL,
            found_at         TIMESTAMP NOT NULL,
            PRIMARY KEY (finding_id, runbook_id, runbook_version, hunt_id)
        )
        """,
        """
        INSERT INTO finding_sources
        SELECT finding_id, runbook_id, coalesce(runbook_version, ''), coalesce(hunt_id, ''), found_at FROM findings WHERE runbook_id IS NOT NULL
        """,
        "ALTER TABLE findings DROP COLUMN runbook_id",
        "ALTER TABLE findings DROP COLUMN runbook_version",
        "ALTER TABLE findings DROP COLUMN hunt_id",
        // Step leads take their first finding's rule as key; where two meet one key the earliest wins, the rest keep theirs.
        """
        UPDATE leads SET dedup_key = rekeyed.dedup_key
        FROM (
            SELECT lead_id, dedup_key FROM (
                SELECT lead_id, dedup_key, row_number() OVER (PARTITION BY dedup_key ORDER BY raised_at, lead_id) AS n FROM (
                    SELECT l.lead_id, l.raised_at,
                           l.tenant || '|' || lower(l.host) || '|' || f.detector || ':' || coalesce(f.rule_id, f.title) AS dedup_key
                    FROM leads l
                    JOIN (SELECT lead_id, min(finding_id) AS finding_id FROM lead_findings GROUP BY lead_id) first ON first.lead_id = l.lead_id
                    JOIN findings f ON f.finding_id = first.finding_id
                    WHERE contains(l.dedup_key, '|runbook:')
                ) keyed
            ) numbered
            WHERE n = 1 AND dedup_key NOT IN (SELECT dedup_key FROM leads)
        ) rekeyed
        WHERE leads.lead_id = rekeyed.lead_id
        """,
    ];
}
