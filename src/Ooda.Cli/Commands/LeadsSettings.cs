using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class LeadsSettings : WorkspaceSettings
{
    [CommandOption("--tenant <TENANT>")]
    public string? Tenant { get; init; }

    [CommandOption("--state <STATE>")]
    [Description("new, acknowledged, case-opened, dismissed, or open (new and acknowledged).")]
    public string? State { get; init; }

    [CommandOption("--min-severity <LEVEL>")]
    [Description("informational, low, medium, high or critical.")]
    public string? MinSeverity { get; init; }
}
