using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class ReportSettings : CaseReferenceSettings
{
    public static readonly IReadOnlyList<string> Formats = ["html", "md", "pdf", "png"];

    [CommandOption("--format <FORMAT>")]
    [Description("html (default; self-contained), md (Markdown), pdf (headless Chromium prints the HTML) or png (the first page, for a preview).")]
    public string? Format { get; init; }

    [CommandOption("-o|--output <FILE>")]
    [Description("Write to FILE. Default: html and md to the terminal, pdf and png to ./<case>-report.<format>.")]
    public string? Output { get; init; }

    [CommandOption("--around <FINDING>")]
    [Description("The finding the timeline and process tree pivot on (id or prefix); default: the most severe, earliest finding.")]
    public string? Around { get; init; }

    [CommandOption("--tree-root <IMAGE>")]
    [Description("The process the lead host's tree starts from (default w3wp.exe).")]
    public string? TreeRoot { get; init; }

    public string EffectiveFormat => (Format ?? "html").Trim().ToLowerInvariant();

    public override ValidationResult Validate() =>
        Formats.Contains(EffectiveFormat)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--format must be one of: {string.Join(", ", Formats)}");
}
