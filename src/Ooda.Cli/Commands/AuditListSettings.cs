using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class AuditListSettings : WorkspaceSettings
{
    [CommandOption("--subject <PREFIX>")]
    [Description("Only entries whose subject starts with this (e.g. case/C-0001).")]
    public string? Subject { get; init; }
}
