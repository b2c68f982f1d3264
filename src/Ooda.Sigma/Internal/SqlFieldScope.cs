using System.Text;
using Ooda.Store;

namespace Ooda.Sigma.Internal;

/// <summary>
/// The field values one hunt query reads, as columns: <c>v{n}</c> the raw value of a field (NULL when absent), <c>l{n}</c>
/// its .NET lower case, <c>kv</c>/<c>kl</c> every value of the event for keyword searches. Each event's JSON is parsed
/// once for all of them, whatever the number of rules reading them. Queries only project over these columns, never
/// filter on them: DuckDB pushes a filter down by substituting each column with its defining expression, which would
/// parse the JSON again for every reference.
/// </summary>
internal sealed class SqlFieldScope(Func<string, IReadOnlyList<string>> spellings)
{
    private readonly Dictionary<string, int> _fields = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _names = [];
    private readonly SortedSet<int> _lowered = [];
    private bool _keywords;
    private bool _keywordsLowered;

    public string Value(string field) => "v" + Index(field);

    public string Lower(string field)
    {
        var index = Index(field);
        _lowered.Add(index);
        return "l" + index;
    }

    public string KeywordValues()
    {
        _keywords = true;
        return "kv";
    }

    public string KeywordLowered()
    {
        _keywords = _keywordsLowered = true;
        return "kl";
    }

    /// <summary>
    /// A relation of the events <paramref name="where"/> selects, with <c>row_id</c>, <c>tenant</c> and the columns the
    /// predicates written through this scope read.
    /// </summary>
    public string Relation(string where)
    {
        var pointers = new List<string>();
        var values = new List<string>();
        for (var i = 0; i < _names.Count; i++)
        {
            var reads = new List<string>();
            foreach (var spelling in spellings(_names[i]))
            {
                pointers.Add(SqlHuntText.JsonPointer(spelling));
                reads.Add($"f[{pointers.Count}]");
            }

            values.Add(reads.Count switch
            {
                0 => "NULL::VARCHAR",
                1 => reads[0],
                _ => $"coalesce({string.Join(", ", reads)})",
            } + " AS v" + i);
        }

        var s0 = new StringBuilder("SELECT row_id, tenant");
        if (pointers.Count > 0)
            s0.Append(", json_extract_string(fields, [").AppendJoin(", ", pointers).Append("]) AS f");
        if (_keywords)
            s0.Append(", json_extract_string(fields, '$.*') AS kv");
        s0.Append(" FROM ").Append(Workspace.SqlHuntRelation).Append(" WHERE ").Append(where);

        var s1 = new StringBuilder("SELECT row_id, tenant");
        foreach (var value in values)
            s1.Append(", ").Append(value);
        if (_keywords)
            s1.Append(", kv");
        s1.Append(" FROM (").Append(s0).Append(") s0");
        if (_lowered.Count == 0 && !_keywordsLowered)
            return s1.ToString();

        var s2 = new StringBuilder("SELECT *");
        foreach (var i in _lowered)
            s2.Append(", ").Append(SqlCaseFolding.Lower("v" + i)).Append(" AS l").Append(i);
        if (_keywordsLowered)
            s2.Append(", list_transform(kv, x -> ").Append(SqlCaseFolding.Lower("x")).Append(") AS kl");
        s2.Append(" FROM (").Append(s1).Append(") s1");
        return s2.ToString();
    }

    private int Index(string field)
    {
        if (_fields.TryGetValue(field, out var index))
            return index;
        index = _names.Count;
        _fields.Add(field, index);
        _names.Add(field);
        return index;
    }
}
