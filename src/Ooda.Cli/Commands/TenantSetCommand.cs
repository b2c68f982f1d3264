using System.Text.RegularExpressions;
using Ooda.Engine.Response;
using Ooda.Response;
using Ooda.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda tenant set</c>: a tenant's response mode and contact chain; options not given keep their stored value.</summary>
public sealed partial class TenantSetCommand : Command<TenantSetSettings>
{
    public override int Execute(CommandContext context, TenantSetSettings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Tenant))
            throw new InputException("name the tenant");
        if (settings.Mode is not null && TenantResponseModes.Normalize(settings.Mode) is null)
            throw new InputException($"--mode must be one of {string.Join(", ", TenantResponseModes.All)}");
        using var workspace = settings.OpenWorkspace();
        var current = workspace.GetTenantResponse(settings.Tenant);
        var mode = settings.Mode ?? current?.Mode
            ?? throw new InputException($"tenant {settings.Tenant} has no response setting yet; give --mode notify|collaborate|authorize");
        var given = new[] { ("--primary", settings.Primary), ("--secondary", settings.Secondary), ("--tertiary", settings.Tertiary) };
        if (given.SkipWhile(g => g.Item2 is not null).Any(g => g.Item2 is not null))
            throw new InputException("contacts are a chain: give --primary before --secondary, and --secondary before --tertiary");
        var contacts = given.Any(g => g.Item2 is not null)
            ? [.. given.Where(g => g.Item2 is not null).Select(g => Contact(g.Item1, g.Item2!))]
            : current?.Contacts ?? [];
        var stored = workspace.SetTenantResponse(new TenantResponse
        {
            Tenant = current?.Tenant ?? settings.Tenant.Trim(),
            Mode = mode,
            ActIfUnreachable = settings.ActIfUnreachable ?? current?.ActIfUnreachable ?? false,
            Contacts = contacts,
        }, settings.Actor);
        var policy = ResponseService.PolicyFor(workspace, stored.Tenant);
        if (settings.Json)
            TenantShowCommand.WriteJson([policy]);
        else
            TenantShowCommand.Render(policy, stored);
        if (stored.Mode == TenantResponseModes.Collaborate && stored.ActIfUnreachable && stored.Contacts.Count == 0)
            AnsiConsole.MarkupLine("[yellow]act-if-unreachable needs contacts to try: add --primary[/]");
        return OodaApp.ExitOk;
    }

    private static TenantResponseContact Contact(string option, string text)
    {
        var match = ContactPattern().Match(text.Trim());
        if (!match.Success)
            throw new InputException($"{option}: '{text}' is not \"Name <email or phone>\"");
        return new TenantResponseContact(match.Groups["name"].Value.Trim(), match.Groups["channel"].Value.Trim());
    }

    [GeneratedRegex("^(?<name>[^<>]{1,200}?)\\s*<(?<channel>[^<>]{1,200})>$")]
    private static partial Regex ContactPattern();
}
