using Ooda.Cli.Rendering;
using Ooda.Store;
using Spectre.Console;

namespace Ooda.Cli.Commands;

/// <summary>What the account commands share: refusals as bad input, and one way to print an account (never its hash).</summary>
internal static class UserCli
{
    public static T Guard<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            throw new InputException(e.Message, e);
        }
    }

    public static void Write(bool json, StoredUser user, string verb)
    {
        if (json)
        {
            using var lines = new JsonLines();
            lines.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("user", user.Name);
                w.WriteString("role", user.Role);
                w.WriteStartArray("tenants");
                foreach (var t in user.Tenants)
                    w.WriteStringValue(t);
                w.WriteEndArray();
                w.WriteBoolean("disabled", user.Disabled);
                w.WriteString("updatedAt", Iso.Format(user.UpdatedAt));
                w.WriteEndObject();
            });
            return;
        }

        AnsiConsole.MarkupLine($"{Markup.Escape(verb)} [bold]{Markup.Escape(TerminalText.Clean(user.Name))}[/]: {Markup.Escape(user.Role)}"
            + (user.Tenants.Count > 0 ? $" of {Markup.Escape(TerminalText.Clean(string.Join(", ", user.Tenants)))}" : " (every tenant)"));
    }
}
