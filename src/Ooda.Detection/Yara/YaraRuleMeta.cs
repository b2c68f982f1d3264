namespace Ooda.Detection.Yara;

/// <summary>The meta section of a rule, with the fields LOKI and THOR read picked out.</summary>
/// <param name="Description">The <c>description</c> meta, or empty.</param>
/// <param name="Author">The <c>author</c> meta, or empty.</param>
/// <param name="Score">The <c>score</c> meta (0–100 in signature-base), or null when absent or not a number.</param>
/// <param name="All">Every meta in rule order; integers and booleans as text.</param>
public sealed record YaraRuleMeta(string Description, string Author, int? Score, IReadOnlyList<KeyValuePair<string, string>> All);
