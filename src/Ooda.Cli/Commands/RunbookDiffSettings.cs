using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class RunbookDiffSettings : RunbookSettings
{
    [CommandArgument(0, "<BEFORE>")]
    [Description("The older version, e.g. proxyshell@1.0.0.")]
    public string Before { get; init; } = string.Empty;

    [CommandArgument(1, "<AFTER>")]
    [Description("The newer version, e.g. proxyshell@1.1.0 (or just the id for the newest).")]
    public string After { get; init; } = string.Empty;
}
