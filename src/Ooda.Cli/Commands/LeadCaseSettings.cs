using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class LeadCaseSettings : LeadReferenceSettings
{
    [CommandArgument(1, "<case>")]
    [Description("Case id (C-0001) or number (1) of the same tenant.")]
    public string Case { get; init; } = string.Empty;
}
