using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class CaseListSettings : CaseSettings
{
    [CommandOption("--tenant <TENANT>")]
    public string? Tenant { get; init; }

    [CommandOption("--status <STATUS>")]
    [Description("new, investigating, contained, eradicated, recovered or closed.")]
    public string? Status { get; init; }
}
