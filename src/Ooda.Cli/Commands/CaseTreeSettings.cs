using System.ComponentModel;
using Ooda.Investigation.ProcessTrees;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class CaseTreeSettings : CaseReferenceSettings
{
    public static readonly IReadOnlyList<string> Formats = ["tree", "json", "svg"];

    [CommandOption("--host <HOST>")]
    [Description("The host (default: the case's only host in scope).")]
    public string? Host { get; init; }

    [CommandOption("--root <IMAGE>")]
    [Description("Every process of this image (file name or path, any case) becomes a root, e.g. w3wp.exe.")]
    public string? Root { get; init; }

    [CommandOption("--pid <PID>")]
    [Description("The process with this id (decimal, or hex like 0x1a2c).")]
    public string? Pid { get; init; }

    [CommandOption("--at <TIME>")]
    [Description("With --pid: the process that held the id at this UTC time (ids are reused).")]
    public string? At { get; init; }

    [CommandOption("--guid <GUID>")]
    [Description("The process with this Sysmon ProcessGuid.")]
    public string? Guid { get; init; }

    [CommandOption("--from <TIME>")]
    [Description("Processes started at or after this UTC time (default: a day before the case's first finding).")]
    public string? From { get; init; }

    [CommandOption("--to <TIME>")]
    [Description("Processes started before this UTC time (default: a day after the case's last finding).")]
    public string? To { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("tree (default), json or svg.")]
    public string? Format { get; init; }

    [CommandOption("-o|--output <FILE>")]
    [Description("Write to FILE instead of the terminal.")]
    public string? Output { get; init; }

    [CommandOption("--max-depth <N>")]
    [Description("Levels shown below each root (default 32).")]
    [DefaultValue(32)]
    public int MaxDepth { get; init; } = 32;

    [CommandOption("--max-nodes <N>")]
    [Description("Processes shown in all (default 500); the rest are counted as \"… N more\".")]
    [DefaultValue(500)]
    public int MaxNodes { get; init; } = 500;

    /// <summary>The format asked for: --format, else json with --json, else tree.</summary>
    public string EffectiveFormat => (Format ?? (Json ? "json" : "tree")).ToLowerInvariant();

    public override ValidationResult Validate()
    {
        if (!Formats.Contains(EffectiveFormat))
            return ValidationResult.Error($"--format must be one of: {string.Join(", ", Formats)}");
        if ((Root is null ? 0 : 1) + (Pid is null ? 0 : 1) + (Guid is null ? 0 : 1) > 1)
            return ValidationResult.Error("choose one of --root, --pid and --guid");
        if (At is not null && Pid is null)
            return ValidationResult.Error("--at picks among processes that reused one id; give --pid too");
        if (MaxDepth is < 1 or > ProcessTreeLimits.MaxDepthAllowed)
            return ValidationResult.Error($"--max-depth must be 1 to {ProcessTreeLimits.MaxDepthAllowed}");
        if (MaxNodes is < 1 or > ProcessTreeLimits.MaxNodesAllowed)
            return ValidationResult.Error($"--max-nodes must be 1 to {ProcessTreeLimits.MaxNodesAllowed}");
        return ValidationResult.Success();
    }
}
