using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class CaseGraphSettings : CaseReferenceSettings
{
    public static readonly IReadOnlyList<string> Formats = ["text", "dot", "json", "svg"];

    [CommandOption("--all")]
    [Description("Show the routine edges too (hidden by default).")]
    public bool All { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("text (default), dot (Graphviz), json or svg.")]
    public string? Format { get; init; }

    [CommandOption("-o|--output <FILE>")]
    [Description("Write the graph to FILE instead of the terminal.")]
    public string? Output { get; init; }

    [CommandOption("--from <TIME>")]
    [Description("Only evidence at or after this UTC time (ISO 8601); the baseline still covers the whole store.")]
    public string? From { get; init; }

    [CommandOption("--to <TIME>")]
    [Description("Only evidence before this UTC time (ISO 8601).")]
    public string? To { get; init; }

    /// <summary>The format asked for: --format, else json with --json, else text.</summary>
    public string EffectiveFormat => (Format ?? (Json ? "json" : "text")).ToLowerInvariant();

    public override ValidationResult Validate() =>
        Formats.Contains(EffectiveFormat)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--format must be one of: {string.Join(", ", Formats)}");
}
