using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class RunbookLearnSettings : RunbookSettings
{
    [CommandArgument(0, "<RUNBOOK>")]
    [Description("The runbook to improve (its newest version is the base).")]
    public string Runbook { get; init; } = string.Empty;

    [CommandOption("--from <FINDINGS>")]
    [Description("Confirmed findings: a case id (C-0001: its linked findings), a JSON-lines file from 'ooda hunt --json', or 'store' for the workspace's findings.")]
    public string? From { get; init; }

    [CommandOption("--tenant <TENANT>")]
    [Description("With --from store: only this tenant's findings.")]
    public string? Tenant { get; init; }

    [CommandOption("--min-severity <LEVEL>")]
    [Description("Findings at or above this severity count as confirmed (default high).")]
    public string MinSeverity { get; init; } = "high";

    [CommandOption("--out <DIR>")]
    [Description("Folder the new version is written to as <id>@<version>.yml (default: the first --runbooks folder).")]
    public string? Out { get; init; }

    [CommandOption("--author <NAME>")]
    public string? Author { get; init; }
}
