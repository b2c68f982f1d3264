namespace Ooda.Detection.Webshells;

/// <summary>A content pattern of a webshell stub; matched case-insensitively, in linear time, over at most the file's first bytes.</summary>
/// <param name="Name">Short stable name, e.g. <c>jscript-eval-request</c>.</param>
/// <param name="Pattern">A .NET regular expression (no backreferences or lookarounds: it runs non-backtracking).</param>
/// <param name="Reason">Why a hit matters, in one line.</param>
/// <param name="Severity">medium, high or critical.</param>
public sealed record WebshellPattern(string Name, string Pattern, string Reason, string Severity);
