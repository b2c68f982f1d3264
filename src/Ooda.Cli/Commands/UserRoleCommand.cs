using Ooda.Web;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda user role</c>: change an account's role and tenants; its sessions end so the new scope applies at once.</summary>
public sealed class UserRoleCommand : Command<UserRoleSettings>
{
    public override int Execute(CommandContext context, UserRoleSettings settings, CancellationToken cancellationToken)
    {
        using var workspace = settings.OpenExistingWorkspace();
        var user = UserCli.Guard(() => ConsoleAccounts.SetRole(workspace, settings.Name, settings.Role, UserSettings.SplitTenants(settings.Tenants), settings.Actor));
        UserCli.Write(settings.Json, user, "changed");
        return OodaApp.ExitOk;
    }
}
