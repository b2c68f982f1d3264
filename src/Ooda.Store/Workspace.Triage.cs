using System.Globalization;
using DuckDB.NET.Data;

namespace Ooda.Store;

public sealed partial class Workspace
{
    /// <summary>
    /// Stores one triage run and its hosts in one transaction; hosts are kept in the order given and ranked 1, 2, …
    /// Earlier runs stay, so a re-triage never loses the ranking a case was opened from.
    /// </summary>
    public StoredTriageRun SaveTriage(string inventoryPath, IReadOnlyList<string> scanPaths, IEnumerable<StoredTriageHost> hosts, int diagnostics, DateTime? triagedAt = null)
    {
        ArgumentNullException.ThrowIfNull(inventoryPath);
        ArgumentNullException.ThrowIfNull(scanPaths);
        ArgumentNullException.ThrowIfNull(hosts);
        var at = triagedAt ?? DateTime.UtcNow;
        using var transaction = _connection.BeginTransaction();
        int runId;
        using (var next = Command("SELECT nextval('triage_run_ids')"))
            runId = Convert.ToInt32(next.ExecuteScalar(), CultureInfo.InvariantCulture);
        var count = 0;
        using (var appender = CreateAppender("triage_hosts"))
        {
            foreach (var h in hosts)
            {
                count++;
                appender.CreateRow()
                    .AppendValue(runId).AppendValue(count).AppendValue(h.Tenant).AppendValue(h.Host).AppendValue(h.Fqdn).AppendValue(h.PublicIp)
                    .AppendValue(h.Build).AppendValue(h.Status).AppendValue(h.VulnerableTo).AppendValue(h.InternetExposed443)
                    .AppendValue(h.Priority).AppendValue(h.Reasons).AppendValue(h.ResponseMode).AppendValue(h.Ip).EndRow();
            }
        }

        using (var insert = Command("INSERT INTO triage_runs VALUES ($1, $2, $3, $4, $5, $6)", runId, at, inventoryPath, scanPaths.ToList(), count, diagnostics))
            insert.ExecuteNonQuery();
        transaction.Commit();
        return new StoredTriageRun(runId, at, inventoryPath, [.. scanPaths], count, diagnostics);
    }

    /// <summary>The most recent triage run with its hosts, rank 1 first; null when the workspace holds none.</summary>
    public StoredTriage? LatestTriage()
    {
        StoredTriageRun run;
        using (var read = Command("SELECT run_id, triaged_at, inventory_path, scan_paths, hosts, diagnostics FROM triage_runs ORDER BY run_id DESC LIMIT 1"))
        using (var reader = read.ExecuteReader())
        {
            if (!reader.Read())
                return null;
            run = new StoredTriageRun(reader.GetInt32(0), DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc), reader.GetString(2),
                Strings(reader, 3), reader.GetInt32(4), reader.GetInt32(5));
        }

        var hosts = new List<StoredTriageHost>(run.Hosts);
        using (var read = Command(
            """
            SELECT rank, tenant, host, fqdn, public_ip, build, status, vulnerable_to, internet_exposed_443, priority, reasons, response_mode, ip
            FROM triage_hosts WHERE run_id = $1 ORDER BY rank
            """, run.RunId))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                hosts.Add(new StoredTriageHost(
                    reader.GetInt32(0), reader.GetString(1), reader.GetString(2), ReadString(reader, 3), ReadString(reader, 4), ReadString(reader, 5),
                    reader.GetString(6), Strings(reader, 7), reader.IsDBNull(8) ? null : reader.GetBoolean(8), reader.GetString(9),
                    Strings(reader, 10), ReadString(reader, 11), ReadString(reader, 12)));
            }
        }

        return new StoredTriage(run, hosts);
    }

    private static List<string> Strings(DuckDBDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? [] : [.. reader.GetFieldValue<List<string>>(ordinal)];
}
