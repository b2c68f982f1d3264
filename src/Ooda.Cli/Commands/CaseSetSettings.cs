using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class CaseSetSettings : CaseReferenceSettings
{
    [CommandOption("--title <TITLE>")]
    public string? Title { get; init; }

    [CommandOption("--severity <LEVEL>")]
    public string? Severity { get; init; }

    [CommandOption("--assignee <ANALYST>")]
    [Description("An empty value clears it.")]
    public string? Assignee { get; init; }

    [CommandOption("--tlp <TLP>")]
    public string? Tlp { get; init; }

    [CommandOption("--tag <TAG>")]
    public string[] AddTags { get; init; } = [];

    [CommandOption("--untag <TAG>")]
    public string[] RemoveTags { get; init; } = [];

    [CommandOption("--reason <TEXT>")]
    public string? Reason { get; init; }
}
