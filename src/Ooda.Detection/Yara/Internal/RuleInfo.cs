namespace Ooda.Detection.Yara.Internal;

/// <summary>What a match needs from a <c>YR_RULE</c>, read once per rule and cached for the life of the rules.</summary>
/// <param name="Strings">The rule's strings: index into the scan context's matches table and identifier.</param>
internal sealed record RuleInfo(string Name, string Namespace, IReadOnlyList<string> Tags, YaraRuleMeta Meta, IReadOnlyList<(uint Index, string Identifier)> Strings);
