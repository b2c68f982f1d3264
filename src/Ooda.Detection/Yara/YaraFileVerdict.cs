using Ooda.Core;

namespace Ooda.Detection.Yara;

/// <summary>What became of one rule file.</summary>
/// <param name="File">The file's path (or the source name).</param>
/// <param name="Status">Compiled, failed or skipped.</param>
/// <param name="RuleCount">Rules it contributed to the compiled set; zero unless compiled.</param>
/// <param name="Reason">Why it failed or was skipped, in one line (the first libyara error, explained); empty when compiled.</param>
/// <param name="Messages">libyara's errors and warnings for it, with line numbers.</param>
public sealed record YaraFileVerdict(string File, YaraFileStatus Status, int RuleCount, string Reason, IReadOnlyList<Diagnostic> Messages);
