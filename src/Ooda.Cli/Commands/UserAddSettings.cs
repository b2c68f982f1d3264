using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class UserAddSettings : UserSettings
{
    [CommandOption("--role <ROLE>")]
    [Description("admin, analyst (assigned tenants) or customer (one tenant: reports and approvals).")]
    public string Role { get; init; } = "analyst";

    [CommandOption("--tenants <LIST>")]
    [Description("Comma-separated tenants: an analyst's assignments, a customer's own tenant.")]
    public string? Tenants { get; init; }

    [CommandOption("--password-env <VAR>")]
    [Description("Read the password from this environment variable instead of the first line of stdin.")]
    public string? PasswordEnv { get; init; }
}
