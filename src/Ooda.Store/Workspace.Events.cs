using System.Text;
using Ooda.Core;
using Ooda.Store.Internal;

namespace Ooda.Store;

public sealed partial class Workspace
{
    /// <summary>Streams the events that match <paramref name="query"/>, oldest first, with their provenance.</summary>
    public IEnumerable<EvidenceEvent> QueryEvents(EventQuery query, CancellationToken cancellationToken = default)
    {
        var sql = new StringBuilder(
            """
            SELECT e.ts, e.tenant, e.host, e.source_kind, e.channel, e.provider, e.event_id, e.record_id,
                   e.file_sha256, e.file_offset, e.line, e.fields, e.path
            FROM events e
            WHERE true
            """);
        var parameters = new List<object?>();
        void Where(string condition, object? value)
        {
            parameters.Add(value);
            sql.Append(" AND ").Append(condition.Replace("$?", "$" + parameters.Count, StringComparison.Ordinal));
        }

        if (query.Tenant is not null)
            Where("e.tenant = $?", query.Tenant);
        if (query.Host is not null)
            Where("lower(e.host) = lower($?)", query.Host);
        if (query.From is { } from)
            Where("e.ts >= $?", from);
        if (query.To is { } to)
            Where("e.ts < $?", to);
        if (query.Channel is not null)
            Where("lower(e.channel) = lower($?)", query.Channel);
        if (query.FileSha256 is not null)
            Where("e.file_sha256 = lower($?)", query.FileSha256);
        if (query.EventIds.Count > 0)
            sql.Append(" AND e.event_id IN (").AppendJoin(", ", query.EventIds).Append(')');
        foreach (var filter in query.Fields.Where(f => !f.Negated))
        {
            // A cheap necessary condition in SQL; the exact, case-insensitive field match runs below.
            var literal = filter.LongestLiteral();
            if (literal.Length > 0 && !literal.Any(c => c is '"' or '\\' || char.IsControl(c)))
                Where("contains(lower(e.fields::VARCHAR), $?)", literal.ToLowerInvariant());
        }

        sql.Append(" ORDER BY e.ts NULLS FIRST, e.tenant, e.host, e.file_sha256, e.line, e.file_offset");
        if (query.Limit is { } limit && query.Fields.Count == 0)
            sql.Append(" LIMIT ").Append(limit);

        using var command = Command(sql.ToString(), [.. parameters]);
        using var reader = command.ExecuteReader();
        var yielded = 0;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fields = FieldsJson.Deserialize(reader.GetString(11));
            if (!query.Fields.All(f => f.Matches(fields.Get(f.Name))))
                continue;
            yield return new EvidenceEvent
            {
                Timestamp = reader.IsDBNull(0) ? DateTime.MinValue : DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc),
                Tenant = reader.GetString(1),
                Host = reader.GetString(2),
                Kind = SourceKindNames.Parse(reader.GetString(3)),
                Channel = ReadString(reader, 4),
                Provider = ReadString(reader, 5),
                EventId = reader.IsDBNull(6) ? null : reader.GetInt32(6),
                RecordId = reader.IsDBNull(7) ? null : reader.GetInt64(7),
                Fields = fields,
                Provenance = new Provenance(reader.GetString(12), reader.GetString(8),
                    reader.IsDBNull(9) ? -1 : reader.GetInt64(9), reader.IsDBNull(10) ? 0 : reader.GetInt64(10)),
            };
            if (query.Limit is { } max && ++yielded >= max)
                yield break;
        }
    }
}
