using System.Globalization;
using System.Text;
using Ooda.Core;
using Ooda.Store.Internal;

namespace Ooda.Store;

public sealed partial class Workspace
{
    /// <summary>
    /// The events of one timeline window, oldest first; with a limit, the events nearest the anchor. Tenant and hosts resolve to
    /// file ids first, so the scan of <c>event_rows</c> prunes by file and time, and only the rows returned have their fields read.
    /// </summary>
    public TimelineEventPage QueryTimelineEvents(TimelineEventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var files = TimelineFiles(query.Tenant, query.Hosts, null);
        if (files.Count == 0 || query.From >= query.To || query.Limit is <= 0)
            return new TimelineEventPage([], false);

        var parameters = new List<object?> { query.From, query.To };
        var where = new StringBuilder("ts >= $1 AND ts < $2 AND file_id IN (");
        where.AppendJoin(", ", files.Keys.Order()).Append(')');
        if (query.Sources.Count > 0)
        {
            where.Append(" AND (");
            for (var i = 0; i < query.Sources.Count; i++)
            {
                if (i > 0)
                    where.Append(" OR ");
                AppendSource(where, query.Sources[i], parameters);
            }

            where.Append(')');
        }

        var truncated = false;
        var anchor = query.Anchor is { } a && a > query.From ? (a < query.To ? a : query.To) : query.From;
        if (query.Limit is { } limit)
        {
            // Reading fields is the costly part, so the times alone (narrow columns) decide which events are the nearest, and only
            // those rows are read whole: a busy day costs the rows shown, not every row of the window.
            var times = NearestTimes(where.ToString(), parameters, anchor, limit);
            truncated = times.Truncated;
            if (times.First is not { } first)
                return new TimelineEventPage([], false);
            parameters.Add(first);
            parameters.Add(times.Last);
            where.Append(CultureInfo.InvariantCulture, $" AND ts >= ${parameters.Count - 1} AND ts <= ${parameters.Count}");
        }

        var sql = $"SELECT file_id, ts, kind, channel, provider, event_id, record_id, file_offset, line, decode(fields) FROM event_rows WHERE {where} "
            + "ORDER BY ts, file_id, line, file_offset, record_id";
        var events = ReadTimelineEvents(sql, parameters, files, cancellationToken);
        if (query.Limit is { } max && events.Count > max)
        {
            // Events that share the boundary times can exceed the limit; the farthest from the anchor go.
            truncated = true;
            events = [.. events.Select((e, i) => (e, i)).OrderBy(p => (p.e.Timestamp - anchor).Duration()).ThenBy(p => p.i).Take(max).OrderBy(p => p.i).Select(p => p.e)];
        }

        return new TimelineEventPage(events, truncated);
    }

    /// <summary>
    /// The first and last time among the <paramref name="limit"/> events nearest <paramref name="anchor"/>, from up to limit + 1
    /// times on each side of it (the extra one tells whether anything was left out).
    /// </summary>
    private (DateTime? First, DateTime Last, bool Truncated) NearestTimes(string where, List<object?> parameters, DateTime anchor, int limit)
    {
        var around = new List<object?>(parameters) { anchor };
        var at = around.Count;
        var sql = $"""
            (SELECT ts FROM event_rows WHERE {where} AND ts < ${at} ORDER BY ts DESC LIMIT {limit + 1})
            UNION ALL
            (SELECT ts FROM event_rows WHERE {where} AND ts >= ${at} ORDER BY ts LIMIT {limit + 1})
            """;
        var times = new List<DateTime>();
        using (var command = Command(sql, [.. around]))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                times.Add(reader.GetDateTime(0));
        }

        var nearest = times.OrderBy(t => (t - anchor).Duration()).ThenBy(t => t).Take(limit).ToList();
        return nearest.Count == 0 ? (null, default, false) : (nearest.Min(), nearest.Max(), times.Count > limit);
    }

    /// <summary>
    /// The events at these places (a file SHA-256 or a prefix of one, and a record id, line or offset), of one tenant when given.
    /// A prefix may match several files, so a key may match several events; each comes back once.
    /// </summary>
    public IReadOnlyList<EvidenceEvent> FindEventsAt(IReadOnlyCollection<TimelineEventKey> keys, string? tenant = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var usable = keys.Where(k => k.Sha256Prefix.Length > 0 && (k.RecordId is not null || k.Line is not null || k.Offset is not null)).ToList();
        if (usable.Count == 0)
            return [];
        var prefixes = usable.Select(k => k.Sha256Prefix.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var files = TimelineFiles(tenant, [], prefixes);
        if (files.Count == 0)
            return [];

        // One scan for all keys: a superset in SQL (any of the files, any of the positions), the exact pairs checked below.
        var parameters = new List<object?>();
        var positions = new List<string>();
        void Position(string column, IEnumerable<long> values)
        {
            var list = values.Distinct().ToList();
            if (list.Count == 0)
                return;
            parameters.Add(list);
            positions.Add($"list_contains(${parameters.Count}, {column})");
        }

        Position("record_id", usable.Where(k => k.RecordId is not null).Select(k => k.RecordId!.Value));
        Position("line", usable.Where(k => k.RecordId is null && k.Line is not null).Select(k => k.Line!.Value));
        Position("file_offset", usable.Where(k => k.RecordId is null && k.Line is null).Select(k => k.Offset!.Value));
        var sql = new StringBuilder(
            """
            SELECT file_id, ts, kind, channel, provider, event_id, record_id, file_offset, line, decode(fields)
            FROM event_rows WHERE file_id IN (
            """);
        sql.AppendJoin(", ", files.Keys.Order()).Append(") AND (").AppendJoin(" OR ", positions).Append(") ORDER BY ts, file_id, line, file_offset");
        return [.. ReadTimelineEvents(sql.ToString(), parameters, files, cancellationToken)
            .Where(e => usable.Any(k => e.Provenance.Sha256.StartsWith(k.Sha256Prefix, StringComparison.OrdinalIgnoreCase)
                && (k.RecordId is { } record ? e.RecordId == record : k.Line is { } line ? e.Provenance.Line == line : e.Provenance.Offset == k.Offset)))];
    }

    /// <summary>
    /// Findings of a timeline window: those whose evidence time falls in [from, to), and those without an evidence time (a
    /// finding on a captured file), which the timeline places by the file's own times.
    /// </summary>
    public IReadOnlyList<TimelineFinding> QueryTimelineFindings(string? tenant, IReadOnlyList<string> hosts, DateTime from, DateTime to)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        var sql = new StringBuilder($"SELECT {FindingColumns}, found_at FROM findings WHERE (ts IS NULL OR (ts >= $1 AND ts < $2))");
        var parameters = new List<object?> { from, to };
        AppendTenantAndHosts(sql, parameters, tenant, hosts);
        sql.Append(" ORDER BY ts NULLS LAST, finding_id");
        using var command = Command(sql.ToString(), [.. parameters]);
        using var reader = command.ExecuteReader();
        var findings = new List<TimelineFinding>();
        while (reader.Read())
            findings.Add(new TimelineFinding(ReadFinding(reader), DateTime.SpecifyKind(reader.GetDateTime(FindingColumnCount), DateTimeKind.Utc)));
        return findings;
    }

    /// <summary>Captured files created or modified in [from, to) (without their first bytes).</summary>
    public IReadOnlyList<CapturedFile> QueryTimelineFiles(string? tenant, IReadOnlyList<string> hosts, DateTime from, DateTime to)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        var sql = new StringBuilder(
            """
            SELECT tenant, host, original_path, source_path, size, modified, created, sha256
            FROM captured_files
            WHERE ((created >= $1 AND created < $2) OR (modified >= $1 AND modified < $2))
            """);
        var parameters = new List<object?> { from, to };
        AppendTenantAndHosts(sql, parameters, tenant, hosts);
        sql.Append(" ORDER BY tenant, host, original_path, sha256");
        using var command = Command(sql.ToString(), [.. parameters]);
        using var reader = command.ExecuteReader();
        var files = new List<CapturedFile>();
        while (reader.Read())
        {
            files.Add(new CapturedFile(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4),
                DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc), DateTime.SpecifyKind(reader.GetDateTime(6), DateTimeKind.Utc),
                reader.GetString(7), []));
        }

        return files;
    }

    private static void AppendTenantAndHosts(StringBuilder sql, List<object?> parameters, string? tenant, IReadOnlyList<string> hosts)
    {
        if (tenant is not null)
        {
            parameters.Add(tenant);
            sql.Append(CultureInfo.InvariantCulture, $" AND tenant = ${parameters.Count}");
        }

        if (hosts.Count > 0)
        {
            parameters.Add(hosts.Select(h => h.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList());
            sql.Append(CultureInfo.InvariantCulture, $" AND list_contains(${parameters.Count}, lower(host))");
        }
    }

    private static void AppendSource(StringBuilder sql, TimelineEventSource source, List<object?> parameters)
    {
        sql.Append("(true");
        if (source.Kinds.Count > 0)
            sql.Append(" AND kind IN (").AppendJoin(", ", source.Kinds.Select(k => ((int)k).ToString(CultureInfo.InvariantCulture))).Append(')');
        if (source.Channels.Count > 0)
        {
            parameters.Add(source.Channels.Select(c => c.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList());
            sql.Append(CultureInfo.InvariantCulture, $" AND list_contains(${parameters.Count}, lower(channel))");
        }

        if (source.EventId is { } id)
            sql.Append(CultureInfo.InvariantCulture, $" AND event_id = {id}");
        sql.Append(')');
    }

    /// <summary>The ingested files of a tenant and hosts (or with these hash prefixes), by file id.</summary>
    private Dictionary<int, (string Tenant, string Host, string Sha256, string Path)> TimelineFiles(string? tenant, IReadOnlyList<string> hosts, IReadOnlyList<string>? sha256Prefixes)
    {
        var sql = new StringBuilder("SELECT file_id, tenant, host, sha256, path FROM ingested_files WHERE true");
        var parameters = new List<object?>();
        AppendTenantAndHosts(sql, parameters, tenant, hosts);
        if (sha256Prefixes is not null)
        {
            parameters.Add(sha256Prefixes.ToList());
            sql.Append(CultureInfo.InvariantCulture, $" AND len(list_filter(${parameters.Count}, p -> starts_with(sha256, p))) > 0");
        }

        using var command = Command(sql.ToString(), [.. parameters]);
        using var reader = command.ExecuteReader();
        var files = new Dictionary<int, (string, string, string, string)>();
        while (reader.Read())
            files[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
        return files;
    }

    private List<EvidenceEvent> ReadTimelineEvents(string sql, List<object?> parameters, Dictionary<int, (string Tenant, string Host, string Sha256, string Path)> files,
        CancellationToken cancellationToken)
    {
        using var command = Command(sql, [.. parameters]);
        using var reader = command.ExecuteReader();
        var events = new List<EvidenceEvent>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = files[reader.GetInt32(0)];
            events.Add(new EvidenceEvent
            {
                Timestamp = reader.IsDBNull(1) ? DateTime.MinValue : DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc),
                Tenant = file.Tenant,
                Host = file.Host,
                Kind = (SourceKind)reader.GetByte(2),
                Channel = ReadString(reader, 3),
                Provider = ReadString(reader, 4),
                EventId = reader.IsDBNull(5) ? null : reader.GetInt32(5),
                RecordId = reader.IsDBNull(6) ? null : reader.GetInt64(6),
                Fields = FieldsJson.Deserialize(reader.GetString(9)),
                Provenance = new Provenance(file.Path, file.Sha256, reader.IsDBNull(7) ? -1 : reader.GetInt64(7), reader.IsDBNull(8) ? 0 : reader.GetInt64(8)),
            });
        }

        return events;
    }
}
