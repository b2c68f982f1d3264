using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class TriageSettings : CommandSettings
{
    [CommandOption("-i|--inventory <FILE>")]
    [Description("Inventory CSV or JSON: tenant,host,fqdn,ip,public_ip,os,roles,exchange_build,response_mode.")]
    public string Inventory { get; init; } = string.Empty;

    [CommandOption("-s|--scan <XML>")]
    [Description("nmap -oX file of the external scan; repeat for several (IPv4 and IPv6).")]
    public string[] Scans { get; init; } = [];

    [CommandOption("--json")]
    [Description("JSON lines: one object per host, most urgent first.")]
    public bool Json { get; init; }

    [CommandOption("--diagnostics <N>")]
    [Description("Show at most N input diagnostics (default 20).")]
    [DefaultValue(20)]
    public int ShowDiagnostics { get; init; } = 20;

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Inventory))
            return ValidationResult.Error("--inventory is required");
        if (!File.Exists(Inventory))
            return ValidationResult.Error($"no such file: {Inventory}");
        var missing = Scans.FirstOrDefault(s => !File.Exists(s));
        return missing is null ? ValidationResult.Success() : ValidationResult.Error($"no such file: {missing}");
    }
}
