using System.Data.Common;
using System.Text;
using DuckDB.NET.Data;
using Ooda.Core;
using Ooda.Store.Internal;

namespace Ooda.Store;

public sealed partial class Workspace
{
    /// <summary>
    /// The relation a hunt query reads: the columns of the <c>events</c> view (ts, tenant, host, source_kind, channel,
    /// provider, event_id, record_id, file_sha256, path, file_offset, line, file_id), <c>fields</c> as JSON text, and
    /// <c>row_id</c>, which names the event to <see cref="ReadSqlHuntEvents"/>.
    /// </summary>
    public const string SqlHuntRelation = "hunt_events";

    private const string HuntBase =
        """
        SELECT r.rowid AS row_id, r.ts, f.tenant, f.host, k.name AS source_kind, r.channel, r.provider, r.event_id, r.record_id,
               f.sha256 AS file_sha256, f.path, r.file_offset, r.line, decode(r.fields) AS fields, r.file_id
        FROM event_rows r
        JOIN ingested_files f ON f.file_id = r.file_id
        JOIN source_kinds k ON k.code = r.kind
        """;

    /// <summary>Counts the hunted events and lists the spellings their field names, channels, providers and tenants have.</summary>
    public SqlHuntCatalog ReadSqlHuntCatalog(SqlHuntScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (with, parameters) = HuntCte(scope);
        long events;
        using (var count = Command(with + $"SELECT count(*) FROM {SqlHuntRelation}", parameters))
            events = Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        cancellationToken.ThrowIfCancellationRequested();
        var channels = Strings(with + $"SELECT DISTINCT channel FROM {SqlHuntRelation} WHERE channel IS NOT NULL", parameters);
        var providers = Strings(with + $"SELECT DISTINCT provider FROM {SqlHuntRelation} WHERE provider IS NOT NULL", parameters);
        var tenants = Strings(with + $"SELECT DISTINCT tenant FROM {SqlHuntRelation}", parameters);
        cancellationToken.ThrowIfCancellationRequested();
        var fields = Strings(with + $"SELECT DISTINCT unnest(json_keys(fields)) FROM {SqlHuntRelation}", parameters);
        return new SqlHuntCatalog(events, fields, channels, providers, tenants);
    }

    /// <summary>
    /// Runs one hunt query, written over <see cref="SqlHuntRelation"/>, that returns <c>row_id BIGINT</c> and an integer
    /// <c>hit</c>, any number of rows per event; rows stream as they come. The query is the caller's own generated SQL, never user text.
    /// </summary>
    /// <exception cref="SqlRejectedException">DuckDB refused or failed the query (the message names why).</exception>
    public IEnumerable<SqlHuntMatch> RunSqlHunt(SqlHuntScope scope, string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(query);
        var (with, parameters) = HuntCte(scope);
        using var command = Command(with + query, parameters);
        DbDataReader reader;
        try
        {
            reader = command.ExecuteReader();
        }
        catch (DuckDBException e)
        {
            throw new SqlRejectedException("hunt query failed: " + FirstLine(e.Message), e);
        }

        using (reader)
        {
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return new SqlHuntMatch(reader.GetInt64(0), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>How many hunted events each condition (SQL over the columns of <see cref="SqlHuntRelation"/>) selects, in one scan.</summary>
    public IReadOnlyList<long> CountSqlHuntEvents(SqlHuntScope scope, IReadOnlyList<string> conditions)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(conditions);
        if (conditions.Count == 0)
            return [];
        var (with, parameters) = HuntCte(scope);
        var distinct = conditions.Distinct(StringComparer.Ordinal).ToList();
        using var command = Command(with + "SELECT " + string.Join(", ", distinct.Select(c => $"count(*) FILTER (WHERE {c})")) + $" FROM {SqlHuntRelation}", parameters);
        using var reader = command.ExecuteReader();
        reader.Read();
        var counts = distinct.Select((c, i) => (c, reader.GetInt64(i))).ToDictionary(p => p.c, p => p.Item2, StringComparer.Ordinal);
        return [.. conditions.Select(c => counts[c])];
    }

    /// <summary>Checks that DuckDB (RE2) accepts a regular expression; returns its error, or null.</summary>
    public string? CheckSqlHuntRegex(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        try
        {
            using var command = Command($"SELECT regexp_matches('', {SqlHuntText.Literal(pattern)})");
            command.ExecuteScalar();
            return null;
        }
        catch (DuckDBException e)
        {
            return FirstLine(e.Message);
        }
    }

    /// <summary>Reads the events of the given row ids, in the order <see cref="QueryEvents"/> streams them (row id breaking ties).</summary>
    public IEnumerable<SqlHuntEvent> ReadSqlHuntEvents(IEnumerable<long> rowIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rowIds);
        using (var create = Command("CREATE OR REPLACE TEMP TABLE sql_hunt_rows (row_id BIGINT NOT NULL)"))
            create.ExecuteNonQuery();
        try
        {
            using (var appender = _connection.CreateAppender("temp", "main", "sql_hunt_rows"))
            {
                foreach (var id in rowIds)
                    appender.CreateRow().AppendValue(id).EndRow();
            }

            using var command = Command(
                $"""
                WITH {SqlHuntRelation} AS ({HuntBase})
                SELECT e.row_id, e.ts, e.tenant, e.host, e.source_kind, e.channel, e.provider, e.event_id, e.record_id,
                       e.file_sha256, e.file_offset, e.line, e.fields, e.path
                FROM {SqlHuntRelation} e
                WHERE e.row_id IN (SELECT row_id FROM temp.main.sql_hunt_rows)
                ORDER BY e.ts NULLS FIRST, e.tenant, e.host, e.file_sha256, e.line, e.file_offset, e.row_id
                """);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return new SqlHuntEvent(reader.GetInt64(0), new EvidenceEvent
                {
                    Timestamp = reader.IsDBNull(1) ? DateTime.MinValue : DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc),
                    Tenant = reader.GetString(2),
                    Host = reader.GetString(3),
                    Kind = SourceKindNames.Parse(reader.GetString(4)),
                    Channel = ReadString(reader, 5),
                    Provider = ReadString(reader, 6),
                    EventId = reader.IsDBNull(7) ? null : reader.GetInt32(7),
                    RecordId = reader.IsDBNull(8) ? null : reader.GetInt64(8),
                    Fields = FieldsJson.Deserialize(reader.GetString(12)),
                    Provenance = new Provenance(reader.GetString(13), reader.GetString(9),
                        reader.IsDBNull(10) ? -1 : reader.GetInt64(10), reader.IsDBNull(11) ? 0 : reader.GetInt64(11)),
                });
            }
        }
        finally
        {
            using var drop = Command("DROP TABLE IF EXISTS temp.main.sql_hunt_rows");
            drop.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Events per host and channel for a hunt's blind-spot report, the host being the event's <c>Computer</c> field
    /// (read under <paramref name="computerSpellings"/>) where the collection named none.
    /// </summary>
    public IReadOnlyList<SqlHuntChannelCount> CountSqlHuntChannels(SqlHuntScope scope, IReadOnlyList<string> computerSpellings)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (with, parameters) = HuntCte(scope);
        var computer = SqlHuntText.FieldValue(computerSpellings);
        using var command = Command(with +
            $"""
            SELECT CASE WHEN host = '-' THEN coalesce({computer}, host) ELSE host END AS h, channel, source_kind, count(*)
            FROM {SqlHuntRelation} GROUP BY ALL
            """, parameters);
        using var reader = command.ExecuteReader();
        var counts = new List<SqlHuntChannelCount>();
        while (reader.Read())
            counts.Add(new SqlHuntChannelCount(reader.GetString(0), ReadString(reader, 1), reader.GetString(2), reader.GetInt64(3)));
        return counts;
    }

    private static (string With, object?[] Parameters) HuntCte(SqlHuntScope scope)
    {
        var where = new StringBuilder(" WHERE true");
        var parameters = new List<object?>();
        if (scope.Tenant is not null)
        {
            parameters.Add(scope.Tenant);
            where.Append(" AND f.tenant = $").Append(parameters.Count);
        }

        if (scope.Host is not null)
        {
            parameters.Add(scope.Host);
            where.Append(" AND lower(f.host) = lower($").Append(parameters.Count).Append(')');
        }

        return ($"WITH {SqlHuntRelation} AS ({HuntBase}{where})\n", [.. parameters]);
    }

    private List<string> Strings(string sql, object?[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var list = new List<string>();
        while (reader.Read())
            list.Add(reader.GetString(0));
        list.Sort(StringComparer.Ordinal);
        return list;
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? message : message[..newline];
    }
}
