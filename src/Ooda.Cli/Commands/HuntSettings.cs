using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class HuntSettings : WorkspaceSettings
{
    [CommandArgument(0, "[PATH]")]
    [Description("Evidence files or folders to hunt in place (EVTX, JSON lines, IIS W3C, Exchange logs).")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--store")]
    [Description("Hunt the events already in the workspace store instead of files.")]
    public bool Store { get; init; }

    [CommandOption("--engine <ENGINE>")]
    [Description("With --store: memory (every stored event through the rule engine; the default) or sql (the rules compiled to DuckDB SQL over the store; the same detections).")]
    public string? Engine { get; init; }

    [CommandOption("--sigma <DIR>")]
    [Description("Sigma rule file or folder.")]
    public string? Sigma { get; init; }

    [CommandOption("--filters <DIR>")]
    [Description("Sigma filter file or folder (e.g. per-tenant allow-lists) applied to the --sigma rules; repeat for several.")]
    public string[] Filters { get; init; } = [];

    [CommandOption("--min-level <LEVEL>")]
    [Description("Only rules at or above: informational, low, medium, high, critical.")]
    public string? MinLevel { get; init; }

    [CommandOption("--fail-on <LEVEL>")]
    [Description("Exit with code 1 when any detection is at or above this level (for pipelines and schedulers).")]
    public string? FailOn { get; init; }

    [CommandOption("--tenant <TENANT>")]
    [Description("Tenant of file evidence (and filter for --store).")]
    public string? Tenant { get; init; }

    [CommandOption("--host <HOST>")]
    [Description("Host of file evidence (default: each event's Computer), and filter for --store.")]
    public string? Host { get; init; }

    [CommandOption("--rules")]
    [Description("Also list every rule not loaded, with its reason.")]
    public bool ShowRules { get; init; }

    [CommandOption("--mapping <DIR>")]
    [Description("Logsource mapping folder to use instead of the built-in mappings/.")]
    public string? Mapping { get; init; }

    [CommandOption("--runbook <ID>")]
    [Description("Run a runbook's hunts (id or id@version); repeat for several.")]
    public string[] Runbooks { get; init; } = [];

    [CommandOption("--all-runbooks")]
    [Description("Run the hunts of every runbook (newest version of each).")]
    public bool AllRunbooks { get; init; }

    [CommandOption("--runbooks <DIR>")]
    [Description("A team runbook folder that overrides and extends the built-ins; repeat for several.")]
    public string[] RunbookFolders { get; init; } = [];

    [CommandOption("--yara <DIR>")]
    [Description("YARA rule file or folder, scanned over every captured file (libyara9).")]
    public string? Yara { get; init; }

    [CommandOption("--iocs <FILE>")]
    [Description("An IOC list (STIX 2.1 bundle, MISP event JSON, CSV type,value[[,comment]], signature-base text); repeat for several.")]
    public string[] IocLists { get; init; } = [];

    [CommandOption("--save")]
    [Description("Store the findings in the workspace (always done with --store).")]
    public bool Save { get; init; }

    [CommandOption("--prefilter <MODE>", IsHidden = true)]
    [Description("For measurements: none (every rule on every event), logsource (channel/event-id index), needles (the index and literal needles; the default); the detections are the same. off loads the rules but evaluates none.")]
    public string? Prefilter { get; init; }

    [CommandOption("--threads <N>")]
    [Description("Worker threads (default: one per core).")]
    public int Threads { get; init; }
}
