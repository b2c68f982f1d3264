using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class AttackSettings : CommandSettings
{
    [CommandArgument(0, "<IDS>")]
    [Description("ATT&CK ids or Sigma tags: T1190, t1059.001, TA0002, execution, attack.t1059.001, attack.stealth, attack.g0125, cve.2021-34473.")]
    public string[] Ids { get; init; } = [];

    [CommandOption("--json")]
    [Description("One JSON document: each input with its kind, tactic, technique(s) and flags.")]
    public bool Json { get; init; }

    public override ValidationResult Validate() =>
        Ids.Length == 0 ? ValidationResult.Error("give at least one ATT&CK id or tag") : ValidationResult.Success();
}
