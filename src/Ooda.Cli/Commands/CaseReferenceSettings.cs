using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary>Settings of the case commands that act on one case.</summary>
public class CaseReferenceSettings : CaseSettings
{
    [CommandArgument(0, "<case>")]
    [Description("Case id (C-0001) or number (1).")]
    public string Case { get; init; } = string.Empty;
}
