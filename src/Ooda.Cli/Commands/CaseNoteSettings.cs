using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class CaseNoteSettings : CaseReferenceSettings
{
    [CommandArgument(1, "<text>")]
    public string Text { get; init; } = string.Empty;
}
