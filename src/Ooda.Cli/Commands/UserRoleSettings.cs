using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class UserRoleSettings : UserSettings
{
    [CommandOption("--role <ROLE>")]
    [Description("admin, analyst or customer.")]
    public string Role { get; init; } = string.Empty;

    [CommandOption("--tenants <LIST>")]
    [Description("Comma-separated tenants (replaces the current list).")]
    public string? Tenants { get; init; }
}
