using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary>Settings of the lead commands that act on one lead (who acts comes from <c>--as</c>, as for cases).</summary>
public class LeadReferenceSettings : CaseSettings
{
    [CommandArgument(0, "<lead>")]
    [Description("Lead id (L-0001) or number (1).")]
    public string Lead { get; init; } = string.Empty;
}
