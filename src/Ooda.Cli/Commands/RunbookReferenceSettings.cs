using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary>A command that takes one runbook, as <c>id</c> or <c>id@version</c>.</summary>
public sealed class RunbookReferenceSettings : RunbookSettings
{
    [CommandArgument(0, "<RUNBOOK>")]
    [Description("Runbook id (newest version) or id@version.")]
    public string Runbook { get; init; } = string.Empty;
}
