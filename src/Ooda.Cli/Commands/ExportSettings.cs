using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class ExportSettings : CaseReferenceSettings
{
    public static readonly IReadOnlyList<string> Formats = ["stix", "navigator", "timesketch", "misp"];

    [CommandOption("--format <FORMAT>")]
    [Description("stix (STIX 2.1 bundle), navigator (ATT&CK Navigator layer), timesketch (CSV) or misp (MISP event JSON).")]
    public string Format { get; init; } = string.Empty;

    [CommandOption("-o|--output <FILE>")]
    [Description("Write to FILE instead of the terminal.")]
    public string? Output { get; init; }

    [CommandOption("--around <FINDING>")]
    [Description("The finding the Timesketch window pivots on (id or prefix); default: the most severe, earliest finding.")]
    public string? Around { get; init; }

    public string EffectiveFormat => Format.Trim().ToLowerInvariant();

    public override ValidationResult Validate() =>
        Formats.Contains(EffectiveFormat)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--format is required, one of: {string.Join(", ", Formats)}");
}
