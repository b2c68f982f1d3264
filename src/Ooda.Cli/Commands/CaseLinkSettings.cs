using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class CaseLinkSettings : CaseReferenceSettings
{
    [CommandArgument(1, "[findings]")]
    [Description("Finding ids or unique prefixes (at least 6 characters).")]
    public string[] Findings { get; init; } = [];

    [CommandOption("--scope-findings")]
    [Description("Also link every unlinked finding on the hosts in scope at or above --min-severity.")]
    public bool ScopeFindings { get; init; }

    [CommandOption("--min-severity <LEVEL>")]
    [Description("With --scope-findings (default medium).")]
    public string MinSeverity { get; init; } = "medium";
}
