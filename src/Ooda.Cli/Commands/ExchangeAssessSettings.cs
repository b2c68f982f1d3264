using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class ExchangeAssessSettings : CommandSettings
{
    [CommandOption("-b|--build <BUILD>")]
    [Description("Exchange build: 15.2.858.5, 15.02.0858.005, \"Version 15.2 (Build 858.5)\" or an /owa/auth/15.2.858/ path.")]
    public string Build { get; init; } = string.Empty;

    [CommandOption("--json")]
    [Description("One JSON document (the assess contract).")]
    public bool Json { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Build) ? ValidationResult.Error("--build is required") : ValidationResult.Success();
}
