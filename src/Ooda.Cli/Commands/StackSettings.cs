using System.ComponentModel;
using Ooda.Investigation.Stacking;
using Ooda.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class StackSettings : WorkspaceSettings
{
    [CommandArgument(0, "[TARGET]")]
    [Description("A preset (process, hash, service, task, aspx, parent-child, user-agent, logon) or any event field name; none lists the presets.")]
    public string? Target { get; init; }

    [CommandOption("--tenant <TENANT>")]
    public string? Tenant { get; init; }

    [CommandOption("--host <HOST>")]
    public string? Host { get; init; }

    [CommandOption("--where <FIELD=VALUE>")]
    [Description("Event field condition, case-insensitive, * as wildcard; name!=value negates; may repeat. Scans the events (slower than the stack index).")]
    public string[] Where { get; init; } = [];

    [CommandOption("--from <TIME>")]
    [Description("Evidence at or after this UTC time (ISO 8601).")]
    public string? From { get; init; }

    [CommandOption("--to <TIME>")]
    [Description("Evidence before this UTC time (ISO 8601).")]
    public string? To { get; init; }

    [CommandOption("--max-hosts <N>")]
    [Description("Only values seen on at most N hosts.")]
    public int? MaxHosts { get; init; }

    [CommandOption("--limit <N>")]
    [Description("At most N values, rarest first (default 50).")]
    [DefaultValue(StackQuery.DefaultLimit)]
    public int Limit { get; init; } = StackQuery.DefaultLimit;

    public override ValidationResult Validate() =>
        Limit is < 1 or > StackRequest.MaxLimit ? ValidationResult.Error($"--limit must be between 1 and {StackRequest.MaxLimit}")
        : MaxHosts is < 1 ? ValidationResult.Error("--max-hosts must be at least 1")
        : ValidationResult.Success();
}
