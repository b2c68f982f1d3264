using System.Text.Json;
using Ooda.Cli.Rendering;
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

    public static void Write(Utf8JsonWriter w, StoredAction a, GateDecision? decision = null)
    {
        w.WriteStartObject();
        w.WriteString("actionId", a.Id);
        w.WriteString("caseId", a.CaseId);
        w.WriteString("tenant", a.Tenant);
        w.WriteString("kind", a.Kind);
        w.WriteString("target", a.Target);
        w.WriteString("host", a.Host);
        w.WriteString("subject", a.Subject);
        w.WriteStartObject("parameters");
        foreach (var (name, value) in a.Parameters)
            w.WriteString(name, value);
        w.WriteEndObject();
        w.WriteString("reason", a.Reason);
        w.WriteStartArray("findings");
        foreach (var f in a.FindingIds)
            w.WriteStringValue(f);
        w.WriteEndArray();
        w.WriteStartArray("evidenceItems");
        foreach (var e in a.EvidenceItems)
            w.WriteNumberValue(e);
        w.WriteEndArray();
        w.WriteString("state", a.State);
        w.WriteString("idempotencyKey", a.IdempotencyKey);
        w.WriteString("createdAt", Iso.Format(a.CreatedAt));
        w.WriteString("createdBy", a.CreatedBy);
        w.WriteString("updatedAt", Iso.Format(a.UpdatedAt));
        w.WriteString("updatedBy", a.UpdatedBy);
        if (decision is not null)
        {
            w.WriteString("gate", decision.Verdict.ToString());
            w.WriteString("gateReason", decision.Reason);
        }

        w.WriteStartArray("events");
        foreach (var e in a.Events)
        {
            w.WriteStartObject();
            w.WriteNumber("number", e.Number);
            w.WriteString("at", Iso.Format(e.At));
            w.WriteString("actor", e.Actor);
            w.WriteString("from", e.From);
            w.WriteString("to", e.To);
            w.WriteString("via", e.Via);
            w.WriteString("authorizedBy", e.AuthorizedBy);
            w.WriteString("mode", e.Mode);
            w.WriteStartArray("contactsTried");
            foreach (var c in e.ContactsTried)
                w.WriteStringValue(c);
            w.WriteEndArray();
            w.WriteString("note", e.Note);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

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
