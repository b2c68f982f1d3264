using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class CaseOpenSettings : CaseSettings
{
    [CommandOption("--from-finding <ID>")]
    [Description("A finding id or a unique prefix of at least 6 characters; may repeat.")]
    public string[] FromFinding { get; init; } = [];

    [CommandOption("--title <TITLE>")]
    public string? Title { get; init; }

    [CommandOption("--tenant <TENANT>")]
    [Description("Required when no finding is given.")]
    public string? Tenant { get; init; }

    [CommandOption("--severity <LEVEL>")]
    [Description("informational, low, medium, high or critical (default: the findings' highest).")]
    public string? Severity { get; init; }

    [CommandOption("--assignee <ANALYST>")]
    public string? Assignee { get; init; }

    [CommandOption("--tlp <TLP>")]
    [Description("clear, green, amber (default), amber+strict or red.")]
    public string? Tlp { get; init; }

    [CommandOption("--tag <TAG>")]
    public string[] Tags { get; init; } = [];

    [CommandOption("--host <HOST>")]
    [Description("A host in scope besides the findings' hosts; may repeat.")]
    public string[] Hosts { get; init; } = [];
}
