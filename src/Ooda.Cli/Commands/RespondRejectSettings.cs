using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class RespondRejectSettings : CaseSettings
{
    [CommandArgument(0, "<action>")]
    [Description("Action id (A-0001) or number.")]
    public string Action { get; init; } = string.Empty;

    [CommandOption("--reason <TEXT>")]
    [Description("Why the action is not to be taken (required).")]
    public string Reason { get; init; } = string.Empty;

    [CommandOption("--by <NAME>")]
    [Description("The customer's contact who refused it, if it was the customer.")]
    public string? By { get; init; }
}
