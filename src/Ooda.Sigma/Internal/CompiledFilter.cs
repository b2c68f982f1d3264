namespace Ooda.Sigma.Internal;

/// <summary>
/// A Sigma filter (v2.1 "Sigma filters"): its detection, the rules it names (null: every rule of its logsource) and
/// Ooda's tenant restriction. Rules it applies to get <c>and not filter</c>; compilation records where it went.
/// </summary>
internal sealed class CompiledFilter(SigmaRule rule, Node detection, IReadOnlySet<string>? ruleReferences)
{
    private const int MaxNotes = 20;

    public SigmaRule Rule { get; } = rule;

    /// <summary>The filter's condition, already AND-ed with the tenant restriction when there is one.</summary>
    public Node Detection { get; } = detection;

    /// <summary>Rule ids and names the filter names, or null when it applies to every rule of its logsource.</summary>
    public IReadOnlySet<string>? RuleReferences { get; } = ruleReferences;

    public HashSet<string> Found { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Applied { get; } = [];

    public List<string> Notes { get; } = [];

    public bool Names(SigmaRule target) =>
        RuleReferences is null
        || (target.Id is { } id && RuleReferences.Contains(id))
        || (target.Name is { } name && RuleReferences.Contains(name));

    /// <summary>Each logsource attribute the filter sets must equal the rule's (spec: the filter's logsource selects the rules).</summary>
    public bool LogsourceFits(SigmaLogsource logsource) =>
        Fits(Rule.Logsource.Product, logsource.Product) && Fits(Rule.Logsource.Category, logsource.Category) && Fits(Rule.Logsource.Service, logsource.Service);

    public void Note(string note)
    {
        if (Notes.Count < MaxNotes)
            Notes.Add(note);
        else if (Notes.Count == MaxNotes)
            Notes.Add("(further notes left out)");
    }

    private static bool Fits(string? filter, string? rule) => filter is null || string.Equals(filter, rule, StringComparison.OrdinalIgnoreCase);
}
