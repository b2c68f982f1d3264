using System.ComponentModel;
using Ooda.Investigation.Timeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class CaseTimelineSettings : CaseReferenceSettings
{
    public static readonly IReadOnlyList<string> Formats = ["table", "jsonl", "timesketch"];

    [CommandOption("--around <ANCHOR>")]
    [Description("Pivot on a finding id, an event (<sha256-prefix>:<record-id> or <sha256-prefix>:L<line>) or a UTC time (default: the case's earliest finding).")]
    public string? Around { get; init; }

    [CommandOption("--before <DURATION>")]
    [Description("How far back from the anchor, e.g. 90m, 6h, 2d (default 24h).")]
    [DefaultValue("24h")]
    public string Before { get; init; } = "24h";

    [CommandOption("--after <DURATION>")]
    [Description("How far on from the anchor (default 6h).")]
    [DefaultValue("6h")]
    public string After { get; init; } = "6h";

    [CommandOption("--host <HOST>")]
    [Description("Only this host (instead of the case's scope); may repeat.")]
    public string[] Hosts { get; init; } = [];

    [CommandOption("--source <SOURCE>")]
    [Description("Only this source: sysmon, \"security 4624\", iis, httpproxy, cmdlet, a channel name, files, findings; may repeat.")]
    public string[] Sources { get; init; } = [];

    [CommandOption("--format <FORMAT>")]
    [Description("table (default), jsonl or timesketch (CSV for Timesketch import).")]
    public string? Format { get; init; }

    [CommandOption("-o|--output <FILE>")]
    [Description("Write to FILE instead of the terminal.")]
    public string? Output { get; init; }

    /// <summary>A terminal shows a screenful or two; exports take more.</summary>
    public const int TableLimit = 200;

    [CommandOption("--limit <N>")]
    [Description("At most N rows besides those with findings, the nearest the anchor (default 200 for the table, 1000 for jsonl and timesketch; 0 for all).")]
    public int? Limit { get; init; }

    /// <summary>The format asked for: --format, else jsonl with --json, else table.</summary>
    public string EffectiveFormat => (Format ?? (Json ? "jsonl" : "table")).ToLowerInvariant();

    /// <summary>The row limit asked for, else the format's default; null for all.</summary>
    public int? EffectiveLimit => (Limit ?? (EffectiveFormat == "table" ? TableLimit : TimelineRequest.DefaultLimit)) switch
    {
        0 => null,
        var limit => limit,
    };

    public override ValidationResult Validate()
    {
        if (!Formats.Contains(EffectiveFormat))
            return ValidationResult.Error($"--format must be one of: {string.Join(", ", Formats)}");
        if (Limit is < 0)
            return ValidationResult.Error("--limit must be 0 (all) or more");
        return ValidationResult.Success();
    }
}
