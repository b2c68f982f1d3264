using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class SigmaLintSettings : CommandSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("A Sigma rule file or a folder of rules (searched recursively).")]
    public string Path { get; init; } = string.Empty;

    [CommandOption("--json")]
    [Description("One JSON document: counts by status and reason, and every rule's verdict.")]
    public bool Json { get; init; }

    [CommandOption("--all")]
    [Description("List compiled rules too, with their event sources and notes.")]
    public bool All { get; init; }

    [CommandOption("--mapping <DIR>")]
    [Description("Logsource mapping folder to use instead of the built-in mappings/.")]
    public string? Mapping { get; init; }
}
