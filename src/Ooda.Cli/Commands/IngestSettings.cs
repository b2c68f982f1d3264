using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class IngestSettings : WorkspaceSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("A <tenant>/<host>/ collection, a folder (with --tenant/--host), or one file.")]
    public string Path { get; init; } = string.Empty;

    [CommandOption("--tenant <TENANT>")]
    [Description("The tenant the evidence belongs to (otherwise the first folder level).")]
    public string? Tenant { get; init; }

    [CommandOption("--host <HOST>")]
    [Description("The host the evidence comes from (otherwise the folder level below the tenant).")]
    public string? Host { get; init; }

    [CommandOption("--diagnostics <N>")]
    [Description("Show at most N diagnostics (default 20; all are stored).")]
    [DefaultValue(20)]
    public int ShowDiagnostics { get; init; } = 20;

    public override ValidationResult Validate()
    {
        if (Host is not null && Tenant is null)
            return ValidationResult.Error("--host needs --tenant");
        if (!File.Exists(Path) && !Directory.Exists(Path))
            return ValidationResult.Error($"no such file or folder: {Path}");
        return ValidationResult.Success();
    }
}
