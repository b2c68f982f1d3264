using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli;

/// <summary>Options every workspace command takes.</summary>
public class WorkspaceSettings : CommandSettings
{
    public const string WorkspaceVariable = "OODA_WORKSPACE";

    [CommandOption("-w|--workspace <DIR>")]
    [Description("Workspace folder (default: $OODA_WORKSPACE, else ./.ooda).")]
    public string? Workspace { get; init; }

    [CommandOption("--json")]
    [Description("Machine output: JSON lines for streams, one JSON document for summaries.")]
    public bool Json { get; init; }

    public string WorkspaceFolder =>
        Workspace is { Length: > 0 } given ? given
        : Environment.GetEnvironmentVariable(WorkspaceVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : Path.Combine(Environment.CurrentDirectory, ".ooda");
}
