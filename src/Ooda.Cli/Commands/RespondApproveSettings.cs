using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class RespondApproveSettings : CaseSettings
{
    [CommandArgument(0, "<action>")]
    [Description("Action ids (A-0001) or numbers, all of one tenant; several may be given.")]
    public string[] Actions { get; init; } = [];

    [CommandOption("--via <CHANNEL>")]
    [Description("How the customer approved: phone, email or portal.")]
    public string Via { get; init; } = string.Empty;

    [CommandOption("--by <NAME>")]
    [Description("The customer's contact who approved, by name or channel; required in collaborate mode, and must be one of the tenant's contacts when it names any.")]
    public string? By { get; init; }

    [CommandOption("--note <TEXT>")]
    [Description("The wording approved, or where the written authorisation is.")]
    public string? Note { get; init; }
}
