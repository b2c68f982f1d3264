using Ooda.Cli.Rendering;
using Ooda.Web;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda user token</c>: issue an API token (shown once; only its SHA-256 is kept) or revoke one.</summary>
public sealed class UserTokenCommand : Command<UserTokenSettings>
{
    public override int Execute(CommandContext context, UserTokenSettings settings, CancellationToken cancellationToken)
    {
        using var workspace = settings.OpenExistingWorkspace();
        if (settings.Revoke is { Length: > 0 } id)
        {
            if (!workspace.RevokeApiToken(id, settings.Actor))
                throw new InputException($"no live token {id}");
            AnsiConsole.MarkupLine($"token {Markup.Escape(id)} revoked");
            return OodaApp.ExitOk;
        }

        var token = UserCli.Guard(() => ConsoleAccounts.IssueToken(workspace, settings.Name, settings.Label, settings.Actor));
        if (settings.Json)
        {
            using var json = new JsonLines();
            json.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("tokenId", token.Id);
                w.WriteString("user", token.UserName);
                w.WriteString("token", token.Secret);
                w.WriteEndObject();
            });
        }
        else
        {
            AnsiConsole.MarkupLine($"Token {Markup.Escape(token.Id)} for {Markup.Escape(token.UserName)} (shown once; send as 'Authorization: Bearer <token>'):");
            Console.WriteLine(token.Secret);
        }

        return OodaApp.ExitOk;
    }
}
