using Ooda.Cli.Rendering;
using Ooda.Engine.Response;
using Ooda.Response;
using Ooda.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda tenant show</c>: the response mode in force per tenant (explicit setting, else inventory, else notify) and the contact chain.</summary>
public sealed class TenantShowCommand : Command<TenantShowSettings>
{
    public override int Execute(CommandContext context, TenantShowSettings settings, CancellationToken cancellationToken)
    {
        using var workspace = settings.OpenExistingWorkspace();
        var tenants = settings.Tenant is { Length: > 0 } one
            ? [one]
            : workspace.ListTenantResponses().Select(t => t.Tenant)
                .Concat(workspace.LatestTriage()?.Hosts.Select(h => h.Tenant) ?? [])
                .Concat(workspace.ListCases().Select(c => c.Tenant))
                .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var policies = tenants.Select(t => ResponseService.PolicyFor(workspace, t)).ToList();
        if (settings.Json)
        {
            WriteJson(policies);
            return OodaApp.ExitOk;
        }

        if (policies.Count == 1)
        {
            Render(policies[0], workspace.GetTenantResponse(policies[0].Tenant));
            return OodaApp.ExitOk;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("Tenant").AddColumn("Mode").AddColumn("From").AddColumn("Act if unreachable").AddColumn("Contacts");
        foreach (var p in policies)
        {
            table.AddRow(new Text(TerminalText.Clip(p.Tenant, 30)), new Text(ResponseNames.Of(p.Mode)), new Text(p.Source),
                new Text(p.Mode == ResponseMode.Collaborate ? (p.ActIfUnreachable ? "yes" : "no") : "-"), new Text(TerminalText.Clip(string.Join("; ", p.ContactLabels()), 90)));
        }

        AnsiConsole.Write(table);
        return OodaApp.ExitOk;
    }

    internal static void Render(ResponsePolicy policy, TenantResponse? stored)
    {
        RespondCli.WritePolicy(policy);
        foreach (var label in policy.ContactLabels())
            AnsiConsole.MarkupLine("  " + Markup.Escape(TerminalText.Clean(label)));
        if (stored is not null)
            AnsiConsole.MarkupLine($"[grey]set {Markup.Escape(Iso.Format(stored.UpdatedAt)[..19])}Z by {Markup.Escape(TerminalText.Clean(stored.UpdatedBy))}[/]");
    }

    internal static void WriteJson(IReadOnlyList<ResponsePolicy> policies)
    {
        using var json = new JsonLines();
        foreach (var p in policies)
        {
            json.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("tenant", p.Tenant);
                w.WriteString("mode", ResponseNames.Of(p.Mode));
                w.WriteString("source", p.Source);
                w.WriteBoolean("actIfUnreachable", p.ActIfUnreachable);
                w.WriteStartArray("contacts");
                foreach (var c in p.Contacts)
                {
                    w.WriteStartObject();
                    w.WriteString("name", c.Name);
                    w.WriteString("channel", c.Channel);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
        }
    }
}
