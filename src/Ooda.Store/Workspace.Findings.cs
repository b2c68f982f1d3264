using System.Globalization;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Ooda.Core;

namespace Ooda.Store;

public sealed partial class Workspace
{
    /// <summary>Stores findings in one transaction; one whose id the workspace already holds is counted, not added again.</summary>
    public FindingSaveResult SaveFindings(IEnumerable<Finding> findings, DateTime? foundAt = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var at = foundAt ?? DateTime.UtcNow;
        using var transaction = _connection.BeginTransaction();
        int added = 0, known = 0;
        foreach (var f in findings)
        {
            using var command = Command(
                """
                INSERT INTO findings VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
                ON CONFLICT DO NOTHING
                """,
                f.Id, at, f.Timestamp == DateTime.MinValue ? null : f.Timestamp, f.Tenant, f.Host, f.Severity, f.Title, f.Detector, f.RunbookId,
                f.RunbookVersion, f.HuntId, f.RuleId, f.Techniques.ToList(), f.Channel, f.EventId, f.RecordId, f.Provenance.File,
                f.Provenance.Sha256, f.Provenance.Offset >= 0 ? f.Provenance.Offset : null, f.Provenance.Line > 0 ? f.Provenance.Line : null,
                f.OriginalPath, DetailsJson(f.Details));
            if (command.ExecuteNonQuery() > 0)
                added++;
            else
                known++;
        }

        transaction.Commit();
        return new FindingSaveResult(added, known);
    }

    /// <summary>Stored findings, most severe first, then by time.</summary>
    public IReadOnlyList<Finding> QueryFindings(FindingQuery? query = null)
    {
        query ??= new FindingQuery();
        var sql = new StringBuilder(
            """
            SELECT finding_id, ts, tenant, host, severity, title, detector, runbook_id, runbook_version, hunt_id, rule_id, techniques,
                   channel, event_id, record_id, file, file_sha256, file_offset, line, original_path, CAST(details AS VARCHAR)
            FROM findings WHERE true
            """);
        var parameters = new List<object?>();
        void Filter(string clause, object? value)
        {
            parameters.Add(value);
            sql.Append(CultureInfo.InvariantCulture, $" AND {clause} ${parameters.Count}");
        }

        if (query.Tenant is not null)
            Filter("tenant =", query.Tenant);
        if (query.Host is not null)
            Filter("lower(host) =", query.Host.ToLowerInvariant());
        if (query.RunbookId is not null)
            Filter("runbook_id =", query.RunbookId);
        if (query.CaseId is not null)
        {
            parameters.Add(query.CaseId);
            sql.Append(CultureInfo.InvariantCulture, $" AND finding_id IN (SELECT finding_id FROM case_findings WHERE case_id = ${parameters.Count})");
        }
        var minimum = SeverityLevels.Rank(query.MinSeverity);
        if (minimum > 0)
        {
            parameters.Add(SeverityLevels.All.Skip(minimum).ToList());
            sql.Append(CultureInfo.InvariantCulture, $" AND list_contains(${parameters.Count}, severity)");
        }
        sql.Append(" ORDER BY CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END, ts NULLS LAST, finding_id");
        if (query.Limit is { } limit)
            sql.Append(CultureInfo.InvariantCulture, $" LIMIT {Math.Max(0, limit)}");

        using var command = Command(sql.ToString(), [.. parameters]);
        using var reader = command.ExecuteReader();
        var findings = new List<Finding>();
        while (reader.Read())
            findings.Add(ReadFinding(reader));
        return findings;
    }

    /// <summary>One finding by id, or by a unique prefix of at least 6 characters; null when none or ambiguous.</summary>
    public Finding? FindFinding(string idOrPrefix)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        if (idOrPrefix.Length < 6)
            return null;
        var matches = QueryFindings().Where(f => f.Id.StartsWith(idOrPrefix, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private static Finding ReadFinding(DuckDBDataReader reader)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new Finding
        {
            Id = reader.GetString(0),
            Timestamp = reader.IsDBNull(1) ? DateTime.MinValue : DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc),
            Tenant = reader.GetString(2),
            Host = reader.GetString(3),
            Severity = reader.GetString(4),
            Title = reader.GetString(5),
            Detector = reader.GetString(6),
            RunbookId = Text(7),
            RunbookVersion = Text(8),
            HuntId = Text(9),
            RuleId = Text(10),
            Techniques = reader.GetFieldValue<List<string>>(11),
            Channel = Text(12),
            EventId = reader.IsDBNull(13) ? null : reader.GetInt32(13),
            RecordId = reader.IsDBNull(14) ? null : reader.GetInt64(14),
            Provenance = new Provenance(reader.GetString(15), reader.GetString(16), reader.IsDBNull(17) ? -1 : reader.GetInt64(17), reader.IsDBNull(18) ? 0 : reader.GetInt64(18)),
            OriginalPath = Text(19),
            Details = ParseDetails(reader.GetString(20)),
        };
    }

    private static string DetailsJson(IReadOnlyList<KeyValuePair<string, string>> details)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            // An array of pairs, not an object: a detail may repeat a name (two matched strings of one YARA rule).
            writer.WriteStartArray();
            foreach (var (name, value) in details)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(name);
                writer.WriteStringValue(value);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static List<KeyValuePair<string, string>> ParseDetails(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(pair => new KeyValuePair<string, string>(pair[0].GetString() ?? string.Empty, pair[1].GetString() ?? string.Empty))
            .ToList();
    }
}
