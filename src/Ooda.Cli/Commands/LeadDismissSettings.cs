using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class LeadDismissSettings : LeadReferenceSettings
{
    [CommandOption("--reason <TEXT>")]
    [Description("Why it is not worth a case (required; kept in the audit log).")]
    public string? Reason { get; init; }
}
