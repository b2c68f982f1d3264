using System.Text.Json;
using Ooda.Cli.Rendering;
using Ooda.Engine.Json;
using Ooda.Engine.Response;
using Ooda.Response;
using Ooda.Store;
using Spectre.Console;

namespace Ooda.Cli.Commands;

/// <summary>What the respond and tenant commands share: refusals as bad input, the actions table and their JSON.</summary>
internal static class RespondCli
{
    public static T Guard<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (ResponseRuleException e)
        {
            throw new InputException(e.Message, e);
        }
        catch (ActionConflictException e)
        {
            throw new InputException(e.Message, e);
        }
    }

    public static void WritePolicy(ResponsePolicy policy)
    {
        var unreachable = policy.Mode == ResponseMode.Collaborate ? (policy.ActIfUnreachable ? "; acts when no contact answers" : "; never acts without an approval") : string.Empty;
        AnsiConsole.MarkupLine($"Tenant [bold]{Markup.Escape(TerminalText.Clean(policy.Tenant))}[/]: mode [bold]{ResponseNames.Of(policy.Mode)}[/] ({Markup.Escape(policy.Source)}){Markup.Escape(unreachable)}");
    }

    public static void WriteTable(IReadOnlyList<StoredAction> actions, IReadOnlyList<GateDecision>? gate = null, string? title = null)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn("Id").AddColumn("Kind").AddColumn("By").AddColumn("Host").AddColumn("Subject")
            .AddColumn("State").AddColumn(gate is null ? "Last change" : "Gate").AddColumn("Findings");
        if (title is not null)
            table.Title($"[bold]{Markup.Escape(title)}[/]");
        foreach (var a in actions)
        {
            var last = a.Events.Count == 0 ? null : a.Events[^1];
            var change = last is null ? "-" : $"{Iso.Format(last.At)[..16]}Z {last.Actor}{(last.Via is null ? string.Empty : " via " + last.Via)}";
            var decision = gate?.FirstOrDefault(g => g.ActionId == a.Id);
            table.AddRow(new Text(a.Id), new Text(a.Kind), new Text(a.Target), new Text(TerminalText.Clip(a.Host ?? "-", 24)), new Text(TerminalText.Clip(a.Subject, 60)),
                new Text(a.State, new Style(StateColor(a.State))),
                new Text(TerminalText.Clip(decision is null ? change : $"{decision.Verdict}: {decision.Reason}", 70)),
                new Text(string.Join(", ", a.FindingIds.Select(f => f.Length > 12 ? f[..12] : f).Take(3)) + (a.FindingIds.Count > 3 ? $" +{a.FindingIds.Count - 3}" : string.Empty)));
        }

        AnsiConsole.Write(table);
    }

    public static void Write(Utf8JsonWriter w, StoredAction a, GateDecision? decision = null) => ActionJson.Write(w, a, decision);

    public static void WriteJson(ResponsePolicy policy, IReadOnlyList<StoredAction> actions, IReadOnlyList<GateDecision>? gate = null, Action<Utf8JsonWriter>? extra = null)
    {
        using var json = new JsonLines();
        json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("tenant", policy.Tenant);
            w.WriteString("mode", ResponseNames.Of(policy.Mode));
            w.WriteString("modeSource", policy.Source);
            w.WriteBoolean("actIfUnreachable", policy.ActIfUnreachable);
            extra?.Invoke(w);
            w.WriteStartArray("actions");
            foreach (var a in actions)
                Write(w, a, gate?.FirstOrDefault(g => g.ActionId == a.Id));
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static Color StateColor(string state) => state switch
    {
        StoredActionStates.Done => Color.Green,
        StoredActionStates.Failed => Color.Red,
        StoredActionStates.Rejected => Color.Grey,
        StoredActionStates.AwaitingApproval => Color.Yellow,
        StoredActionStates.Dispatched => Color.Blue,
        _ => Color.Default,
    };
}
