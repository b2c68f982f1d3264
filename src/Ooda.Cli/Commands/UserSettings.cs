using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary>Settings of the account commands: the account named, and who acts (for the audit log).</summary>
public class UserSettings : CaseSettings
{
    [CommandArgument(0, "<name>")]
    [Description("Account name (letters, digits, '.', '-', '_', '@').")]
    public string Name { get; init; } = string.Empty;

    /// <summary>The <c>--tenants a,b</c> list, trimmed, empty entries dropped.</summary>
    public static IReadOnlyList<string> SplitTenants(string? tenants) =>
        tenants is null ? [] : [.. tenants.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}
