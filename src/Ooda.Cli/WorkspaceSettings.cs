using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli;

/// <summary>Options every workspace command takes.</summary>
public class WorkspaceSettings : CommandSettings
{
    public const string WorkspaceVariable = "OODA_WORKSPACE";
    public const string MemoryLimitVariable = "OODA_MEMORY_LIMIT";

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

    /// <summary>Opens (creating if needed) the workspace; <c>OODA_MEMORY_LIMIT</c> caps the database engine's memory.</summary>
    public Store.Workspace OpenWorkspace()
    {
        // On stderr: an upgrade of an older workspace can take minutes, and stdout may be JSON another program reads.
        var options = new Store.WorkspaceOptions(Progress: message => Console.Error.WriteLine("ooda: " + TerminalText.Clean(message)));
        if (Environment.GetEnvironmentVariable(MemoryLimitVariable) is { Length: > 0 } limit)
            options = options with { MemoryLimit = limit };
        try
        {
            return Store.Workspace.Open(WorkspaceFolder, options);
        }
        catch (ArgumentException e)
        {
            throw new InputException($"{MemoryLimitVariable}: {e.Message}", e);
        }
    }

    /// <summary>Opens a workspace that must already hold evidence; a typo in --workspace must not create an empty one.</summary>
    public Store.Workspace OpenExistingWorkspace()
    {
        if (!File.Exists(Path.Combine(WorkspaceFolder, Store.Workspace.DatabaseFileName)))
            throw new InputException($"no workspace at {WorkspaceFolder}; run 'ooda ingest' or 'ooda demo' first, or pass --workspace");
        return OpenWorkspace();
    }
}
