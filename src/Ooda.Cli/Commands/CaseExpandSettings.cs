using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class CaseExpandSettings : CaseReferenceSettings
{
    [CommandOption("--runbooks <DIR>")]
    [Description("Team runbook folder (built-ins are always there); may repeat.")]
    public string[] RunbookFolders { get; init; } = [];

    [CommandOption("--link-severity <LEVEL>")]
    [Description("Link the reached hosts' findings at or above this severity (default high).")]
    public string LinkSeverity { get; init; } = "high";
}
