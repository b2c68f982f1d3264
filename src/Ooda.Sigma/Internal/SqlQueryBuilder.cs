namespace Ooda.Sigma.Internal;

/// <summary>
/// Assembles hunt queries over <see cref="SqlFieldScope.Relation"/>: each returns <c>row_id</c> and <c>hit</c>, one row
/// per predicate that held (its code) or could not be decided (-code-1) for the event.
/// </summary>
internal static class SqlQueryBuilder
{
    /// <summary>
    /// One scan: every predicate evaluated once per event into a list, the codes of those that held or stayed open
    /// unnested into rows. An event no predicate holds for yields no row, so no filter is needed above the value columns
    /// (see <see cref="SqlFieldScope"/> for why there must be none).
    /// </summary>
    public static string ListScan(string relation, int firstCode, IReadOnlyList<string> predicates) =>
        $"SELECT row_id, unnest(list_filter(list_transform([{string.Join(",\n", predicates)}], "
        + $"(p, i) -> CASE WHEN p THEN {firstCode - 1} + i WHEN p IS NULL THEN -{firstCode} - i END), h -> h IS NOT NULL)) AS hit "
        + $"FROM ({relation}) s";

    /// <summary>The events read once into a materialized CTE, then one filtered SELECT per predicate, glued by UNION ALL.</summary>
    public static string UnionAll(string relation, int firstCode, IReadOnlyList<string> predicates)
    {
        var branches = predicates.Select((p, i) =>
            $"SELECT row_id, CASE WHEN {p} THEN {firstCode + i} ELSE {-(firstCode + i) - 1} END AS hit FROM s WHERE ({p}) IS NOT FALSE");
        return $"SELECT * FROM (WITH s AS MATERIALIZED ({relation}) {string.Join("\nUNION ALL ", branches)})";
    }
}
