namespace Ooda.Sigma;

/// <summary>How a SQL hunt batches its rule predicates into DuckDB queries.</summary>
public enum SigmaSqlStrategy
{
    /// <summary>One scan per event source (rules sharing a logsource target): each event's fields are read once and every rule's predicate is evaluated into a list.</summary>
    Grouped,
    /// <summary>Per event source, the events in a materialized CTE and one SELECT per rule joined by UNION ALL, with the rule's index.</summary>
    UnionAll,
    /// <summary>One query per rule and event source.</summary>
    PerRule,
}
