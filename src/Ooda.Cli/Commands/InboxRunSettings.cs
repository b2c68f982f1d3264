using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class InboxRunSettings : WorkspaceSettings
{
    [CommandOption("--inbox <DIR>")]
    [Description("The watched folder: evidence goes in <tenant>/<host>/…; accepted files move to its .ooda folder.")]
    public string Inbox { get; init; } = string.Empty;

    [CommandOption("--once")]
    [Description("Run one pass (scan, ingest, hunt, raise leads) and exit; otherwise watch until Ctrl+C.")]
    public bool Once { get; init; }

    [CommandOption("--runbooks <DIR>")]
    [Description("A team runbook folder that overrides and extends the built-ins; repeat for several. The newest version of every runbook runs.")]
    public string[] RunbookFolders { get; init; } = [];

    [CommandOption("--sigma <DIR>")]
    [Description("Sigma rule file or folder to run beside the runbooks; repeat for several.")]
    public string[] Sigma { get; init; } = [];

    [CommandOption("--filters <DIR>")]
    [Description("Sigma filter file or folder (e.g. per-tenant allow-lists); repeat for several.")]
    public string[] Filters { get; init; } = [];

    [CommandOption("--sla <POLICY>")]
    [Description("Lead SLA overrides, e.g. critical=15m/4h,high=1h/24h (acknowledge/resolve; units s, m, h, d).")]
    public string? Sla { get; init; }

    [CommandOption("--poll <SECONDS>")]
    [Description("Rescan the inbox at least this often when watching (default 30).")]
    public int PollSeconds { get; init; } = 30;

    [CommandOption("--settle <SECONDS>")]
    [Description("Take a file once it has not been written for this long (default 2).")]
    public int SettleSeconds { get; init; } = 2;

    [CommandOption("--no-sql")]
    [Description("Do not even try the runbooks' SQL hunts (in this process they are refused and reported: their sandbox needs a process of its own; run them with ooda hunt --store).")]
    public bool NoSql { get; init; }
}
