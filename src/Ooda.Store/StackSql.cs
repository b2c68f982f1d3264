using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ooda.Store;

/// <summary>
/// Builds the SQL of a <see cref="StackQuery"/>. Every value from a query, a preset or the evidence travels as a parameter;
/// the text holds only our own keywords, column names, source numbers and integers.
/// </summary>
/// <remarks>
/// Reading event fields means reading their JSON, which dominates the cost on a large store; so each event source's values
/// are extracted once per ingested file into <c>stack_values</c> (keyed by the source's definition) and stacks read from there.
/// A stack with <see cref="StackQuery.Where"/> conditions needs the fields themselves and scans the events.
/// </remarks>
internal sealed class StackSql
{
    /// <summary>Part of every index key: a change to how values are built must not reuse values built the old way.</summary>
    private const string IndexFormat = "stack-index-1";

    private static readonly string[] _capturedColumns = ["original_path", "sha256"];

    private readonly StringBuilder _sql = new();
    private readonly List<object?> _parameters = [];

    private StackSql()
    {
    }

    /// <summary>The ingested files whose values for the source with <paramref name="key"/> are not indexed yet.</summary>
    public static (string Sql, object?[] Parameters) PendingFiles(string key) =>
        ("SELECT file_id FROM ingested_files WHERE file_id NOT IN (SELECT file_id FROM stack_files WHERE source_key = $1) ORDER BY file_id", [key]);

    /// <summary>Extracts the source's values from the given files into the index.</summary>
    public static (string Sql, object?[] Parameters) Fill(StackSource source, string key, IReadOnlyList<int> fileIds)
    {
        Check(source);
        var builder = new StackSql();
        var keyParameter = builder.Parameter(key);
        var rows = builder.SourceRows(source, new StackQuery { Sources = [source] }, fileIds);
        builder._sql.Append("INSERT INTO stack_values SELECT ").Append(keyParameter).Append(", file_id, ts, val FROM (\n").Append(rows).Append("\n) s");
        return builder.Result();
    }

    /// <summary>Marks the given files as indexed for the source with <paramref name="key"/>.</summary>
    public static (string Sql, object?[] Parameters) MarkFiles(string key, IReadOnlyList<int> fileIds) =>
        ("INSERT INTO stack_files SELECT $1, unnest($2) ON CONFLICT DO NOTHING", [key, fileIds.ToList()]);

    /// <summary>
    /// A stable key for what a source selects and how it builds values (not its display name): the SHA-256 of the SQL and
    /// parameters its rows are extracted with.
    /// </summary>
    public static string Key(StackSource source)
    {
        Check(source);
        var builder = new StackSql();
        var text = new StringBuilder(IndexFormat).Append('\n').Append(builder.SourceRows(source, new StackQuery { Sources = [source] }, fileIds: []));
        foreach (var parameter in builder._parameters)
            text.Append('\u001f').Append(Convert.ToString(parameter, CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The stack, reading event sources from the index under <paramref name="keys"/> (one per source; null for captured files).</summary>
    public static (string Sql, object?[] Parameters) FromIndex(StackQuery query, IReadOnlyList<string?> keys)
    {
        Check(query);
        if (query.Where.Count > 0)
            throw new ArgumentException("field conditions need the events themselves; stack them with Scan", nameof(query));
        var builder = new StackSql();
        builder.Statement(query, (source, index) =>
        {
            if (source.Table == StackTable.CapturedFiles)
            {
                var rows = builder.SourceRows(source, query, fileIds: null);
                builder._sql.Append("SELECT tenant, host, ts, ").Append(Number(index)).Append(" AS source, val FROM (\n").Append(rows).Append("\n) s");
                return;
            }

            builder._sql.Append("SELECT f.tenant, f.host, v.ts, ").Append(Number(index)).Append(" AS source, v.val FROM stack_values v JOIN ingested_files f ON f.file_id = v.file_id WHERE v.source_key = ")
                .Append(builder.Parameter(keys[index]!)).Append(builder.Scope(query, "f.tenant", "f.host", "v.ts"));
        });
        return builder.Result();
    }

    /// <summary>The stack, extracting every source's values from the events themselves (needed for <see cref="StackQuery.Where"/>).</summary>
    public static (string Sql, object?[] Parameters) Scan(StackQuery query)
    {
        Check(query);
        var builder = new StackSql();
        builder.Statement(query, (source, index) =>
        {
            var rows = builder.SourceRows(source, query, fileIds: null);
            builder._sql.Append("SELECT tenant, host, ts, ").Append(Number(index)).Append(" AS source, val FROM (\n").Append(rows).Append("\n) s");
        });
        return builder.Result();
    }

    private (string Sql, object?[] Parameters) Result() => (_sql.ToString(), [.. _parameters]);

    private static void Check(StackQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Sources.Count == 0)
            throw new ArgumentException("a stack needs at least one source", nameof(query));
        if (query.Limit < 1)
            throw new ArgumentException("the limit must be at least 1", nameof(query));
        foreach (var source in query.Sources)
            Check(source);
    }

    private static void Check(StackSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Parts.Count == 0)
            throw new ArgumentException($"stack source '{source.Name}' has no parts", nameof(source));
        if (source.Parts.Count > 1 && source.Parts.Any(p => p.Split is not null))
            throw new ArgumentException($"stack source '{source.Name}' splits a part but has more than one", nameof(source));
        if (source.SourceKind is { } kind && SourceKindNames.Of(SourceKindNames.Parse(kind)) != kind)
            throw new ArgumentException($"stack source '{source.Name}': '{kind}' is not a source kind", nameof(source));
    }

    /// <summary>Counts the rows of every source (tenant, host, ts, source, val) by value, rarest first, with the totals on every row.</summary>
    private void Statement(StackQuery query, Action<StackSource, int> rows)
    {
        _sql.Append("WITH stack_rows AS (\n");
        for (var i = 0; i < query.Sources.Count; i++)
        {
            if (i > 0)
                _sql.Append("\nUNION ALL\n");
            rows(query.Sources[i], i);
        }

        var maxHosts = query.MaxHosts is { } max ? "hosts <= " + Number(Math.Max(0, max)) : "true";
        _sql.Append(CultureInfo.InvariantCulture, $"""

            ),
            pairs AS MATERIALIZED (
                SELECT val, tenant, host, count(*) AS n, min(ts) AS first_ts, max(ts) AS last_ts, list(DISTINCT source) AS sources
                FROM stack_rows GROUP BY val, tenant, host
            ),
            stacked AS MATERIALIZED (
                SELECT val, count(*) AS hosts, sum(n)::BIGINT AS events, min(first_ts) AS first_ts, max(last_ts) AS last_ts,
                       list_sort(list_distinct(flatten(list(sources)))) AS sources
                FROM pairs GROUP BY val
            ),
            page AS MATERIALIZED (
                SELECT * FROM stacked WHERE {maxHosts} ORDER BY hosts, events, val LIMIT {Number(query.Limit)}
            ),
            names AS (
                SELECT p.val, list(p.tenant ORDER BY p.tenant, p.host) AS tenants, list(p.host ORDER BY p.tenant, p.host) AS host_names
                FROM pairs p JOIN page g ON g.val = p.val
                WHERE g.hosts <= {Number(Math.Max(0, query.HostNames))}
                GROUP BY p.val
            ),
            totals AS (
                SELECT (SELECT count(*) FROM stacked) AS values_total, (SELECT count(DISTINCT (tenant, host)) FROM pairs) AS hosts_total,
                       (SELECT coalesce(sum(n), 0)::BIGINT FROM pairs) AS events_total
            )
            SELECT t.values_total, t.hosts_total, t.events_total, g.val, g.hosts, g.events, g.first_ts, g.last_ts, g.sources, n.tenants, n.host_names
            FROM totals t LEFT JOIN page g ON true LEFT JOIN names n ON n.val = g.val
            ORDER BY g.hosts, g.events, g.val
            """);
    }

    /// <summary>
    /// One source's rows as (tenant, host, file_id, ts, val), built inside out: select rows, extract parts, normalise them, join
    /// them. <paramref name="fileIds"/> restricts events to those files (index fill) and leaves the query's scope out.
    /// </summary>
    private string SourceRows(StackSource source, StackQuery query, IReadOnlyList<int>? fileIds)
    {
        const string Carried = "tenant, host, file_id, ts";
        var captured = source.Table == StackTable.CapturedFiles;
        var parts = source.Parts.Select((_, i) => "p" + Number(i)).ToList();
        string Layer(string from, string alias, Func<int, string> part) =>
            $"SELECT {Carried}, {string.Join(", ", parts.Select((p, i) => part(i) + " AS " + p))} FROM (\n{from}\n) {alias}";

        var rows = captured ? CapturedRows(query) : EventRows(query, source, fileIds);
        var conditions = string.Concat(source.Conditions.Concat(query.Where).Select(c => " AND " + Condition(c, captured)));
        var q = Layer(rows, "a", i => Raw(source.Parts[i], captured)) + " WHERE true" + conditions;
        q = Layer(q, "n", i => Normalized(parts[i], source.Parts[i]));
        q = $"SELECT {Carried}, {Joined(source, parts)} AS val FROM (\n{q}\n) c WHERE {string.Join(" OR ", parts.Select(p => p + " IS NOT NULL"))}";
        if (source.ValuePatterns.Count > 0)
            q = $"SELECT * FROM (\n{q}\n) d WHERE ({string.Join(" OR ", source.ValuePatterns.Select(p => Like("val", p)))})";
        return q;
    }

    private string EventRows(StackQuery query, StackSource source, IReadOnlyList<int>? fileIds)
    {
        var sql = new StringBuilder("SELECT f.tenant, f.host, r.file_id, r.ts, decode(r.fields) AS j FROM event_rows r JOIN ingested_files f ON f.file_id = r.file_id WHERE true");
        if (source.SourceKind is { } kindName)
            sql.Append(" AND r.kind = ").Append(Number((int)SourceKindNames.Parse(kindName)));
        if (source.Channel is not null)
            sql.Append(" AND lower(r.channel) = ").Append(Parameter(source.Channel.ToLowerInvariant()));
        if (source.EventIds.Count > 0)
            sql.Append(" AND r.event_id IN (").AppendJoin(", ", source.EventIds.Select(Number)).Append(')');
        if (fileIds is null)
            sql.Append(Scope(query, "f.tenant", "f.host", "r.ts"));
        else if (fileIds.Count > 0)
            sql.Append(" AND r.file_id BETWEEN ").Append(Number(fileIds.Min())).Append(" AND ").Append(Number(fileIds.Max()))
                .Append(" AND r.file_id IN (SELECT unnest(").Append(Parameter(fileIds.ToList())).Append("))");
        else
            sql.Append(" AND false");
        return sql.ToString();
    }

    private string CapturedRows(StackQuery query) =>
        "SELECT tenant, host, NULL::INTEGER AS file_id, modified AS ts, original_path, sha256 FROM captured_files WHERE true" + Scope(query, "tenant", "host", "modified");

    private string Scope(StackQuery query, string tenant, string host, string ts)
    {
        var sql = new StringBuilder();
        if (query.Tenant is not null)
            sql.Append(" AND ").Append(tenant).Append(" = ").Append(Parameter(query.Tenant));
        if (query.Host is not null)
            sql.Append(" AND lower(").Append(host).Append(") = ").Append(Parameter(query.Host.ToLowerInvariant()));
        if (query.From is { } from)
            sql.Append(" AND ").Append(ts).Append(" >= ").Append(Parameter(from));
        if (query.To is { } to)
            sql.Append(" AND ").Append(ts).Append(" < ").Append(Parameter(to));
        return sql.ToString();
    }

    /// <summary>The part's text before normalisation: the field, or the first group of its extraction pattern without surrounding quotes.</summary>
    private string Raw(StackPart part, bool captured)
    {
        var value = Field(part.Field, captured);
        if (part.Extract is not null)
            value = $"trim(regexp_extract({value}, {Parameter(part.Extract)}, 1), '\"')";
        if (part.Split is not null)
            value = $"unnest(string_split({value}, {Parameter(part.Split)}))";
        return value;
    }

    /// <summary>
    /// Trimmed, case folded, rewritten, prefixed. A prefix rewrite goes through a one-element lambda so its value is named once:
    /// DuckDB inlines nested projections, and a CASE repeating its input would grow the expression threefold per rewrite.
    /// </summary>
    private string Normalized(string column, StackPart part)
    {
        var n = part.Normalization;
        var value = n.Case switch
        {
            StackCase.Lower => $"lower(nullif(trim({column}), ''))",
            StackCase.Upper => $"upper(nullif(trim({column}), ''))",
            _ => $"nullif(trim({column}), '')",
        };
        foreach (var rewrite in n.Rewrites)
        {
            value = rewrite.AtStart
                ? $"list_transform([{value}], lambda x: CASE WHEN starts_with(x, {Parameter(rewrite.From)}) THEN {Parameter(rewrite.To)} || substr(x, {Number(rewrite.From.Length + 1)}) ELSE x END)[1]"
                : $"replace({value}, {Parameter(rewrite.From)}, {Parameter(rewrite.To)})";
        }

        value = $"nullif({value}, '')";
        return part.Prefix is { } prefix ? $"({Parameter(prefix)} || {value})" : value;
    }

    private string Joined(StackSource source, List<string> parts) =>
        parts.Count == 1
            ? parts[0]
            : string.Join($" || {Parameter(source.Separator)} || ", parts.Select(p => $"coalesce({p}, '-')"));

    /// <summary>A <see cref="FieldFilter"/> as SQL: a missing field never matches, so a negated filter keeps rows without it.</summary>
    private string Condition(FieldFilter filter, bool captured)
    {
        var like = Like(Field(filter.Name, captured), filter.Pattern);
        return filter.Negated ? $"NOT coalesce({like}, false)" : $"coalesce({like}, false)";
    }

    /// <summary>One event field as text: the exact name first; else a name differing only in case, looked up only in rows that mention it.</summary>
    private string Field(string name, bool captured)
    {
        if (captured)
            return _capturedColumns.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase)) ?? "NULL::VARCHAR";
        var path = Parameter("$.\"" + name.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
        var mention = Parameter("%\"" + EscapeLike(name) + "\":%");
        var lower = Parameter(name.ToLowerInvariant());
        return $"coalesce(json_extract_string(j, {path}), CASE WHEN j ILIKE {mention} ESCAPE '\\' THEN "
            + $"json_extract_string(j, '$.\"' || replace(list_filter(json_keys(j), lambda k: lower(k) = {lower})[1], '\"', '\\\"') || '\"') END)";
    }

    private string Like(string value, string pattern) =>
        $"({value} ILIKE {Parameter(string.Join('%', pattern.Split('*').Select(EscapeLike)))} ESCAPE '\\')";

    private static string EscapeLike(string literal) =>
        literal.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private string Parameter(object value)
    {
        _parameters.Add(value);
        return "$" + Number(_parameters.Count);
    }
}
