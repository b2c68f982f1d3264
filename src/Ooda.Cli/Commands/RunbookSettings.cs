using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary>Options of the <c>ooda runbook</c> commands: the team folders beside the built-ins.</summary>
public class RunbookSettings : WorkspaceSettings
{
    [CommandOption("--runbooks <DIR>")]
    [Description("A team runbook folder that overrides and extends the built-ins; repeat for several.")]
    public string[] RunbookFolders { get; init; } = [];
}
