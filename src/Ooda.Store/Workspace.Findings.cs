using System.Globalization;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Ooda.Core;

namespace Ooda.Store;

public sealed partial class Workspace
{
    /// <summary>
    /// The columns <see cref="ReadFinding"/> reads, in its order, for a query over <c>findings</c>; the last one lists the
    /// finding's sources as <c>runbook␟version␟hunt</c> texts.
    /// </summary>
    private const string FindingColumns =
        """
        finding_id, ts, tenant, host, severity, title, detector, rule_id, techniques, channel, event_id, record_id, file, file_sha256,
        file_offset, line, original_path, CAST(details AS VARCHAR),
        (SELECT list(s.runbook_id || chr(31) || s.runbook_version || chr(31) || s.hunt_id ORDER BY s.runbook_id, s.runbook_version, s.hunt_id)
         FROM finding_sources s WHERE s.finding_id = findings.finding_id)
        """;

    private const int FindingColumnCount = 19;

    /// <summary>
    /// Stores findings in one transaction. One whose id the workspace already holds is counted as known, not added again;
    /// what it brings is merged in: its runbook steps as further sources, its techniques, and its severity when higher.
    /// </summary>
    public FindingSaveResult SaveFindings(IEnumerable<Finding> findings, DateTime? foundAt = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var at = foundAt ?? DateTime.UtcNow;
        using var transaction = _connection.BeginTransaction();
        int added = 0, known = 0;
        foreach (var f in findings)
        {
            var (severity, techniques) = StoredRank(f.Id);
            if (techniques is not null)
            {
                known++;
                var merged = techniques.Union(f.Techniques, StringComparer.OrdinalIgnoreCase).ToList();
                if (SeverityLevels.Rank(f.Severity) > SeverityLevels.Rank(severity) || merged.Count > techniques.Count)
                {
                    using var update = Command("UPDATE findings SET severity = $2, techniques = $3 WHERE finding_id = $1", f.Id,
                        SeverityLevels.Rank(f.Severity) > SeverityLevels.Rank(severity) ? f.Severity : severity, merged);
                    update.ExecuteNonQuery();
                }
            }
            else
            {
                added++;
                using var insert = Command(
                    """
                    INSERT INTO findings VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
                    """,
                    f.Id, at, f.Timestamp == DateTime.MinValue ? null : f.Timestamp, f.Tenant, f.Host, f.Severity, f.Title, f.Detector, f.RuleId,
                    f.Techniques.ToList(), f.Channel, f.EventId, f.RecordId, f.Provenance.File, f.Provenance.Sha256,
                    f.Provenance.Offset >= 0 ? f.Provenance.Offset : null, f.Provenance.Line > 0 ? f.Provenance.Line : null, f.OriginalPath,
                    DetailsJson(f.Details));
                insert.ExecuteNonQuery();
            }

            foreach (var source in f.Sources)
            {
                using var insert = Command("INSERT INTO finding_sources VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                    f.Id, source.RunbookId, source.RunbookVersion ?? string.Empty, source.HuntId ?? string.Empty, at);
                insert.ExecuteNonQuery();
            }
        }

        transaction.Commit();
        return new FindingSaveResult(added, known);
    }

    // A stored finding's severity and techniques, read and closed before the caller writes; null techniques when unknown.
    private (string Severity, List<string>? Techniques) StoredRank(string findingId)
    {
        using var command = Command("SELECT severity, techniques FROM findings WHERE finding_id = $1", findingId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetFieldValue<List<string>>(1)) : (string.Empty, null);
    }

    /// <summary>Stored findings, most severe first, then by time.</summary>
    public IReadOnlyList<Finding> QueryFindings(FindingQuery? query = null)
    {
        query ??= new FindingQuery();
        var sql = new StringBuilder($"SELECT {FindingColumns} FROM findings WHERE true");
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
        {
            parameters.Add(query.RunbookId);
            sql.Append(CultureInfo.InvariantCulture, $" AND finding_id IN (SELECT finding_id FROM finding_sources WHERE runbook_id = ${parameters.Count})");
        }

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
            RuleId = Text(7),
            Techniques = reader.GetFieldValue<List<string>>(8),
            Channel = Text(9),
            EventId = reader.IsDBNull(10) ? null : reader.GetInt32(10),
            RecordId = reader.IsDBNull(11) ? null : reader.GetInt64(11),
            Provenance = new Provenance(reader.GetString(12), reader.GetString(13), reader.IsDBNull(14) ? -1 : reader.GetInt64(14), reader.IsDBNull(15) ? 0 : reader.GetInt64(15)),
            OriginalPath = Text(16),
            Details = ParseDetails(reader.GetString(17)),
            Sources = reader.IsDBNull(18) ? [] : FindingSource.Ordered(reader.GetFieldValue<List<string>>(18).Select(ParseSource)),
        };
    }

    private static FindingSource ParseSource(string stored)
    {
        var parts = stored.Split('\u001f');
        return new FindingSource(parts[0], parts[1].Length == 0 ? null : parts[1], parts[2].Length == 0 ? null : parts[2]);
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
