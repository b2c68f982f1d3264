using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class TenantShowSettings : WorkspaceSettings
{
    [CommandArgument(0, "[tenant]")]
    [Description("One tenant; every known tenant when omitted.")]
    public string? Tenant { get; init; }
}
