namespace Ooda.Detection.Yara;

/// <summary>A rule that matched the scanned data.</summary>
/// <param name="Rule">The rule's identifier.</param>
/// <param name="Namespace">The namespace: the rule file's path relative to the compiled folder, without extension.</param>
/// <param name="Tags">The rule's tags.</param>
/// <param name="Meta">The rule's meta section.</param>
/// <param name="Strings">Where its strings matched, in rule order, at most <see cref="YaraScanOptions.MaxStringMatches"/>.</param>
public sealed record YaraMatch(string Rule, string Namespace, IReadOnlyList<string> Tags, YaraRuleMeta Meta, IReadOnlyList<YaraStringMatch> Strings);
