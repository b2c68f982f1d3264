using Ooda.Core;

namespace Ooda.Detection.Webshells;

/// <summary>One webshell check that hit one captured file.</summary>
/// <param name="File">The captured file.</param>
/// <param name="Check">Which check: one of the <see cref="WebshellCheck"/> names.</param>
/// <param name="Severity">low, medium, high or critical; weak checks rise when others hit the same file.</param>
/// <param name="Reason">Why, in one line, naming the pattern, offset or peers it rests on. Contains no file content.</param>
public sealed record WebshellFinding(CapturedFile File, string Check, string Severity, string Reason);
