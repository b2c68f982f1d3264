using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class CaseAttackSettings : CaseReferenceSettings
{
    [CommandOption("--runbooks <DIR>")]
    [Description("A team runbook folder beside the built-ins, for the TTP notes of the runbooks the findings came from; repeat for several.")]
    public string[] RunbookFolders { get; init; } = [];
}
