using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class RespondPlanSettings : CaseReferenceSettings
{
    [CommandOption("--runbooks <DIR>")]
    [Description("Team runbook folder (built-ins are always there); may repeat.")]
    public string[] RunbookFolders { get; init; } = [];
}
