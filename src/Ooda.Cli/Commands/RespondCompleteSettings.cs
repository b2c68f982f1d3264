using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class RespondCompleteSettings : CaseSettings
{
    [CommandArgument(0, "<action>")]
    [Description("Action id (A-0001) or number; it must be dispatched.")]
    public string Action { get; init; } = string.Empty;

    [CommandOption("--done")]
    [Description("The action was carried out.")]
    public bool Done { get; init; }

    [CommandOption("--failed")]
    [Description("The action was not carried out; it can be dispatched again.")]
    public bool Failed { get; init; }

    [CommandOption("--note <TEXT>")]
    [Description("What the agent or the customer reported.")]
    public string? Note { get; init; }
}
