using System.ComponentModel;
using Ooda.Demo;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class DemoSettings : WorkspaceSettings
{
    [CommandOption("-o|--output <DIR>")]
    [Description("Where the demo fleet's files are written (default ./ooda-demo).")]
    public string Output { get; init; } = "ooda-demo";

    [CommandOption("--seed <N>")]
    [Description("Generator seed; the same seed always gives the same bytes.")]
    public ulong Seed { get; init; } = DemoOptions.DefaultSeed;

    [CommandOption("--scale <X>")]
    [Description("Multiplies the benign volume (1 = about 50k events).")]
    public double Scale { get; init; } = 1.0;

    public override ValidationResult Validate() =>
        Scale is > 0 and <= 1000 ? ValidationResult.Success() : ValidationResult.Error("--scale must be above 0 and at most 1000");
}
