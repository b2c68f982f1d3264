using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary>Options every case command takes: the workspace and who is acting (for the audit log).</summary>
public class CaseSettings : WorkspaceSettings
{
    public const string AnalystVariable = "OODA_ANALYST";

    [CommandOption("--as <ANALYST>")]
    [Description("Who is acting, for the audit log (default: $OODA_ANALYST, else the login name).")]
    public string? As { get; init; }

    public string Actor =>
        As is { Length: > 0 } given ? given
        : Environment.GetEnvironmentVariable(AnalystVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : Environment.UserName is { Length: > 0 } login ? login : "analyst";
}
