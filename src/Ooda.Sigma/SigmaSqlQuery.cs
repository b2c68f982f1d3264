namespace Ooda.Sigma;

/// <summary>One hunt query of a plan.</summary>
/// <param name="Sql">The query over <c>hunt_events</c>, returning <c>row_id</c> and <c>hit</c>.</param>
/// <param name="Events">The condition on the event columns that selects the events it reads (its rules' shared prefilter).</param>
/// <param name="Predicates">How many rule predicates it evaluates.</param>
public sealed record SigmaSqlQuery(string Sql, string Events, int Predicates);
