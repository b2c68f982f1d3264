namespace Ooda.Detection.Iocs;

/// <summary>What a compiled <see cref="IocMatcher"/> holds, for logs and benchmarks.</summary>
/// <param name="Iocs">Indicators compiled.</param>
/// <param name="Needles">Distinct substrings in the automaton (substring indicators and glob/regex prefilter literals).</param>
/// <param name="AutomatonStates">States of the substring automaton.</param>
/// <param name="Unfiltered">Globs and regexes with no literal to prefilter on: they run on every path or command line.</param>
/// <param name="BacktrackingRegexes">Regexes that needed the backtracking engine and can time out.</param>
public sealed record IocMatcherStatistics(int Iocs, int Needles, int AutomatonStates, int Unfiltered, int BacktrackingRegexes);
