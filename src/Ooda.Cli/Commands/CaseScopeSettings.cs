using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class CaseScopeSettings : CaseReferenceSettings
{
    [CommandOption("--add <HOST>")]
    [Description("Bring a host into scope; may repeat.")]
    public string[] Add { get; init; } = [];

    [CommandOption("--remove <HOST>")]
    [Description("Take a host out of scope (needs --reason); may repeat.")]
    public string[] Remove { get; init; } = [];

    [CommandOption("--reason <TEXT>")]
    public string? Reason { get; init; }
}
