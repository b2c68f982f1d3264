namespace Ooda.Detection.Iocs.Internal;

/// <summary>One needle found by <see cref="AhoCorasick"/>: which one, and where it ends (exclusive) in the text.</summary>
internal readonly record struct AcMatch(int Pattern, int End);
