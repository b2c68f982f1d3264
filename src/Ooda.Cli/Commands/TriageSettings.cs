using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary>Triage options; the result is stored only in a workspace named by --workspace or $OODA_WORKSPACE.</summary>
public sealed class TriageSettings : WorkspaceSettings
{
    [CommandOption("-i|--inventory <FILE>")]
    [Description("Inventory CSV or JSON: tenant,host,fqdn,ip,public_ip,os,roles,exchange_build,response_mode.")]
    public string Inventory { get; init; } = string.Empty;

    [CommandOption("-s|--scan <XML>")]
    [Description("nmap -oX file of the external scan; repeat for several (IPv4 and IPv6).")]
    public string[] Scans { get; init; } = [];

    [CommandOption("--diagnostics <N>")]
    [Description("Show at most N input diagnostics (default 20).")]
    [DefaultValue(20)]
    public int ShowDiagnostics { get; init; } = 20;

    /// <summary>True when the user named a workspace; triage never creates ./.ooda on its own.</summary>
    public bool StoresResult =>
        Workspace is { Length: > 0 } || Environment.GetEnvironmentVariable(WorkspaceVariable) is { Length: > 0 };

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
