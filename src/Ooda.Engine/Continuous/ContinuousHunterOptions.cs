using Ooda.Detection.Runbooks;
using Ooda.Engine.Runbooks;
using Ooda.Sigma;
using Ooda.Store;

namespace Ooda.Engine.Continuous;

/// <summary>How continuous hunting runs: the workspace and inbox, what to hunt with, the SLA of the leads it raises, and its limits.</summary>
public sealed record ContinuousHunterOptions
{
    /// <summary>The open workspace the hunter writes to; the hunter serialises its own use of it.</summary>
    public required Workspace Workspace { get; init; }

    /// <summary>The watched folder: <c>&lt;tenant&gt;/&lt;host&gt;/…</c>; accepted files move to <see cref="QueueFolderName"/> inside it.</summary>
    public required string InboxFolder { get; init; }

    /// <summary>The enabled runbooks (newest versions of the built-ins and team folders, or a selection).</summary>
    public IReadOnlyList<Runbook> Runbooks { get; init; } = [];

    /// <summary>Extra Sigma rules, filters (allow-lists), IOCs and Sigma compile options; tenant, host and minimum severity are ignored.</summary>
    public RunbookHuntOptions Hunt { get; init; } = new();

    public LeadSlaPolicy Sla { get; init; } = LeadSlaPolicy.Default;

    /// <summary>How often <see cref="ContinuousHunter.RunAsync"/> rescans the inbox when the file watcher says nothing (the safety net).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A file is taken once it has not been written for this long (so a file still being copied is left alone).</summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The largest file accepted, from the folder or by upload.</summary>
    public long MaxFileSize { get; init; } = 2L << 30;

    /// <summary>How many times a failing step is tried before its file is parked as failed.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Run the runbooks' SQL hunts after each pass that hunted new files (over the store; new rows only become leads of the hosts that got evidence).</summary>
    public bool RunSqlHunts { get; init; } = true;

    /// <summary>
    /// The turn the hunter takes for each step on the store; pass the lock of another user of the same database in this process
    /// (the console) so their transactions never overlap. Null: the hunter's own.
    /// </summary>
    public SemaphoreSlim? StoreTurn { get; init; }

    /// <summary>Who the audit log names for the hunter's own steps.</summary>
    public string Actor { get; init; } = "ooda-hunter";

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The folder inside the inbox that holds accepted files (and upload temporaries); never scanned as new evidence.</summary>
    public const string QueueFolderName = ".ooda";

    /// <summary>Options with the runbooks of the built-in library plus <paramref name="runbookFolders"/>, and Sigma rules and filters read from files or folders.</summary>
    /// <exception cref="DirectoryNotFoundException">A runbook folder is missing.</exception>
    /// <exception cref="FileNotFoundException">A Sigma rule or filter path is missing.</exception>
    /// <exception cref="InvalidDataException">A filter path holds a rule that is not a Sigma filter.</exception>
    public static ContinuousHunterOptions Load(Workspace workspace, string inboxFolder, IReadOnlyList<string> runbookFolders, IReadOnlyList<string> sigmaPaths, IReadOnlyList<string> filterPaths)
    {
        ArgumentNullException.ThrowIfNull(runbookFolders);
        ArgumentNullException.ThrowIfNull(sigmaPaths);
        ArgumentNullException.ThrowIfNull(filterPaths);
        var sigma = sigmaPaths.SelectMany(p => LoadSigma(p, "Sigma rule")).ToList();
        var filters = filterPaths.SelectMany(p => LoadSigma(p, "Sigma filter")).ToList();
        if (filters.FirstOrDefault(d => d.Rule is { Kind: not SigmaRuleKind.Filter }) is { } notFilter)
            throw new InvalidDataException($"{notFilter.Location} is not a Sigma filter");
        return new ContinuousHunterOptions
        {
            Workspace = workspace,
            InboxFolder = inboxFolder,
            Runbooks = RunbookLibrary.Load(runbookFolders).Latest,
            Hunt = new RunbookHuntOptions(SigmaDocuments: sigma, Filters: filters),
        };
    }

    private static IEnumerable<SigmaLoadResult> LoadSigma(string path, string what) =>
        File.Exists(path) || Directory.Exists(path) ? SigmaRuleLoader.LoadPath(path) : throw new FileNotFoundException($"no {what} file or folder at {path}", path);
}
