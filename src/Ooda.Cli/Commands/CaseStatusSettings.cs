using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class CaseStatusSettings : CaseReferenceSettings
{
    [CommandArgument(1, "<status>")]
    [Description("new, investigating, contained, eradicated, recovered or closed.")]
    public string Status { get; init; } = string.Empty;

    [CommandOption("--reason <TEXT>")]
    [Description("Why; required to reopen a case.")]
    public string? Reason { get; init; }
}
