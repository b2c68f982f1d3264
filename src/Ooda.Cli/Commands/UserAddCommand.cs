using Ooda.Web;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda user add</c>: a console account with a salted PBKDF2 password hash; the password comes from stdin or an environment variable, never the command line.</summary>
public sealed class UserAddCommand : Command<UserAddSettings>
{
    public override int Execute(CommandContext context, UserAddSettings settings, CancellationToken cancellationToken)
    {
        var password = settings.PasswordEnv is { Length: > 0 } variable
            ? Environment.GetEnvironmentVariable(variable) ?? throw new InputException($"--password-env: ${variable} is not set")
            : ReadPassword();
        using var workspace = settings.OpenExistingWorkspace();
        var user = UserCli.Guard(() => ConsoleAccounts.Add(workspace, settings.Name, settings.Role, UserSettings.SplitTenants(settings.Tenants), password, settings.Actor));
        UserCli.Write(settings.Json, user, "added");
        return OodaApp.ExitOk;
    }

    private static string ReadPassword()
    {
        if (!Console.IsInputRedirected)
            AnsiConsole.Markup("Password (echoed; pipe it in to avoid that): ");
        return Console.In.ReadLine() ?? throw new InputException("no password on stdin (or use --password-env VAR)");
    }
}
