using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Ooda.Engine.Json;
using Ooda.Investigation.Timeline;
using Ooda.Store;

namespace Ooda.Web.Internal;

/// <summary>The leads queue and the findings behind it, tenant-scoped.</summary>
internal static class LeadEndpoints
{
    private static readonly TimeSpan _before = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan _after = TimeSpan.FromMinutes(45);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/leads", (HttpContext http, WorkspaceGate gate, string? tenant, string? state, string? host) => gate.RunAsync(ws =>
            ConsoleJson.Array(LeadQueue.List(ws, ConsoleUser.From(http.User), tenant, state, host), ConsoleJson.Lead), http.RequestAborted))
            .RequireAuthorization(ConsolePolicies.Investigate).WithTags("leads").WithSummary("The leads queue of the tenants you may see, most severe first.");

        app.MapGet("/api/leads/{id}", (HttpContext http, WorkspaceGate gate, string id) => gate.RunAsync(ws =>
        {
            var user = ConsoleUser.From(http.User);
            var lead = ws.FindLead(id);
            if (lead is null || !user.Sees(lead.Tenant))
                return Refusals.ApiNotFound(ws, user, http, "lead", id, lead?.Tenant);
            var findings = LeadQueue.Findings(ws, lead);
            return ConsoleJson.Result(w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("lead");
                ConsoleJson.Lead(w, lead);
                w.WriteStartArray("findings");
                foreach (var f in findings)
                    FindingJson.Write(w, f);
                w.WriteEndArray();
                ConsoleJson.Strings(w, "cases", CasesOf(ws, lead).Select(c => c.Id));
                w.WriteEndObject();
            });
        }, http.RequestAborted)).RequireAuthorization(ConsolePolicies.Investigate).WithTags("leads").WithSummary("One lead with its findings and the cases that hold them.");

        app.MapGet("/api/findings", (HttpContext http, WorkspaceGate gate, string? tenant, string? host, string? minSeverity, int? limit) => gate.RunAsync(ws =>
        {
            var user = ConsoleUser.From(http.User);
            var findings = ws.QueryFindings(new FindingQuery { Tenant = tenant, Host = host, MinSeverity = minSeverity })
                .Where(f => user.Sees(f.Tenant)).Take(Math.Clamp(limit ?? 1000, 1, 10_000));
            return ConsoleJson.Array(findings, FindingJson.Write);
        }, http.RequestAborted)).RequireAuthorization(ConsolePolicies.Investigate).WithTags("leads").WithSummary("Stored findings you may see (as ooda hunt --json), most severe first.");

        app.MapGet("/api/findings/{id}", (HttpContext http, WorkspaceGate gate, string id) => gate.RunAsync(ws =>
        {
            var user = ConsoleUser.From(http.User);
            var finding = ws.FindFinding(id);
            return finding is null || !user.Sees(finding.Tenant)
                ? Refusals.ApiNotFound(ws, user, http, "finding", id, finding?.Tenant)
                : ConsoleJson.Result(w => FindingJson.Write(w, finding));
        }, http.RequestAborted)).RequireAuthorization(ConsolePolicies.Investigate).WithTags("leads").WithSummary("One finding by id or unique prefix.");

        app.MapPost("/api/leads/{id}/ack", (HttpContext http, WorkspaceGate gate, string id) =>
            gate.RunAsync(ws => Change(ws, http, id, api: true, (lead, user) => ws.AcknowledgeLead(lead.Id, user.Name)), http.RequestAborted))
            .RequireAuthorization(ConsolePolicies.Investigate).WithTags("leads").WithSummary("Acknowledges a new lead (stops its acknowledgement clock); audited.");

        app.MapPost("/api/leads/{id}/dismiss", async (HttpContext http, WorkspaceGate gate, string id) =>
        {
            var reason = (await new StreamReader(http.Request.Body).ReadToEndAsync(http.RequestAborted).ConfigureAwait(false)).Trim();
            return await gate.RunAsync(ws => Change(ws, http, id, api: true, (lead, user) => ws.DismissLead(lead.Id, reason, user.Name)), http.RequestAborted).ConfigureAwait(false);
        }).RequireAuthorization(ConsolePolicies.Investigate).WithTags("leads").WithSummary("Dismisses an open lead; the request body (plain text) is the reason; audited.");

        app.MapPost("/leads/{id}/ack", (HttpContext http, WorkspaceGate gate, string id) =>
            gate.RunAsync(ws => Change(ws, http, id, api: false, (lead, user) => ws.AcknowledgeLead(lead.Id, user.Name)), http.RequestAborted))
            .RequireAuthorization(ConsolePolicies.Investigate).ExcludeFromDescription();

        app.MapPost("/leads/{id}/dismiss", async (HttpContext http, WorkspaceGate gate, string id) =>
        {
            var reason = (await ConsoleRoutes.FormValueAsync(http, "reason").ConfigureAwait(false)).Trim();
            return await gate.RunAsync(ws => Change(ws, http, id, api: false, (lead, user) => ws.DismissLead(lead.Id, reason, user.Name)), http.RequestAborted).ConfigureAwait(false);
        }).RequireAuthorization(ConsolePolicies.Investigate).ExcludeFromDescription();

        app.MapGet("/leads", (HttpContext http, WorkspaceGate gate, string? tenant, string? state) => gate.RunAsync(ws =>
        {
            var user = ConsoleUser.From(http.User);
            var leads = LeadQueue.List(ws, user, tenant, state ?? "open");
            return Layout.Page(user, "Leads", "leads", h =>
            {
                h.Element("h1", "Leads");
                h.Open("p", ("class", "muted")).Text($"{leads.Count} {state ?? "open"} leads (one per detection and host), new first, most severe first. Show: ");
                foreach (var s in (ReadOnlySpan<string>)["open", .. LeadStates.All])
                    h.Link(ConsoleRoutes.Query("/leads", ("state", s)), s).Text(" ");
                h.Close("p");
                Table(h, leads);
            });
        }, http.RequestAborted)).RequireAuthorization(ConsolePolicies.Investigate).ExcludeFromDescription();

        app.MapGet("/leads/{id}", (HttpContext http, WorkspaceGate gate, string id) => gate.RunAsync(ws =>
        {
            var user = ConsoleUser.From(http.User);
            var lead = ws.FindLead(id);
            if (lead is null || !user.Sees(lead.Tenant))
                return Refusals.PageNotFound(ws, user, http, "lead", id, lead?.Tenant);
            var findings = LeadQueue.Findings(ws, lead);
            var cases = CasesOf(ws, lead);
            TimelineResult? timeline = null;
            if (lead.FirstSeen is var first && first != DateTime.MinValue)
            {
                timeline = TimelineBuilder.Build(ws, TimelineRequest.Around(first, _before, _after) with
                {
                    Tenant = lead.Tenant,
                    Hosts = [lead.Host],
                    Limit = 400,
                }, http.RequestAborted);
            }

            return Layout.Page(user, lead.Title, "leads", h =>
            {
                h.Open("h1");
                Layout.Severity(h, lead.Severity);
                h.Text(" " + lead.Title).Close("h1");
                h.Open("p").Text($"{lead.Tenant} / ").Link(ConsoleRoutes.Host(lead.Tenant, lead.Host), lead.Host)
                    .Text(string.Create(CultureInfo.InvariantCulture, $" · {lead.Count} findings · first {Views.Time(lead.FirstSeen)} · last {Views.Time(lead.LastSeen)}")).Close("p");
                foreach (var c in cases)
                {
                    h.Open("p").Text("In case ").Link(ConsoleRoutes.Case(c.Id), $"{c.Id} {c.Title}").Text(" · ")
                        .Link(ConsoleRoutes.Query(ConsoleRoutes.Case(c.Id, "timeline"), ("around", findings.FirstOrDefault(f => f.Timestamp != DateTime.MinValue)?.Id)), "case timeline")
                        .Close("p");
                }

                h.Element("p", $"State {lead.State} · raised {Views.Time(lead.RaisedAt)} · acknowledge by {Views.Time(lead.AckDueAt)} · resolve by {Views.Time(lead.ResolveDueAt)}",
                    ("class", lead.IsAckOverdue(DateTime.UtcNow) ? "error" : "muted"));
                if (LeadStates.IsOpen(lead.State))
                {
                    if (lead.State == LeadStates.New)
                        h.Form(ConsoleRoutes.Lead(lead.Id) + "/ack", user.CsrfToken, f => f.Element("button", "Acknowledge", ("type", "submit")), "inline");
                    h.Form(ConsoleRoutes.Lead(lead.Id) + "/dismiss", user.CsrfToken, f => f.Void("input", ("name", "reason"), ("placeholder", "why dismiss"), ("required", "required"))
                        .Element("button", "Dismiss", ("type", "submit")), "inline");
                }

                h.Element("h2", "Findings");
                Views.Findings(h, findings, cases.FirstOrDefault()?.Id);
                if (timeline is not null)
                {
                    h.Element("h2", $"Timeline of {lead.Host} around the first sighting");
                    TimelineView.Render(h, ws, timeline, lead.Tenant, host => ConsoleRoutes.Host(lead.Tenant, host, "tree"));
                }
            });
        }, http.RequestAborted)).RequireAuthorization(ConsolePolicies.Investigate).ExcludeFromDescription();
    }

    public static void Table(Html h, IReadOnlyList<StoredLead> leads)
    {
        h.Open("table", ("id", "leads")).Trusted("<thead><tr><th>Severity</th><th>Lead</th><th>Tenant</th><th>Host</th><th>Findings</th><th>First seen (UTC)</th><th>Last seen (UTC)</th><th>State</th><th>Ack due</th></tr></thead><tbody>");
        foreach (var l in leads)
        {
            h.Open("tr").Open("td");
            Layout.Severity(h, l.Severity);
            h.Close("td").Open("td").Link(ConsoleRoutes.Lead(l.Id), l.Title, "lead").Close("td");
            h.Element("td", l.Tenant).Element("td", l.Host).Element("td", l.Count.ToString(CultureInfo.InvariantCulture));
            h.Element("td", Views.Time(l.FirstSeen), ("class", "mono")).Element("td", Views.Time(l.LastSeen), ("class", "mono")).Element("td", l.State);
            h.Close("tr");
        }

        h.Trusted("</tbody>").Close("table");
    }

    private static IResult Change(Workspace ws, HttpContext http, string id, bool api, Func<StoredLead, ConsoleUser, StoredLead> change)
    {
        var user = ConsoleUser.From(http.User);
        var lead = ws.FindLead(id);
        if (lead is null || !user.Sees(lead.Tenant))
            return api ? Refusals.ApiNotFound(ws, user, http, "lead", id, lead?.Tenant) : Refusals.PageNotFound(ws, user, http, "lead", id, lead?.Tenant);
        try
        {
            var changed = change(lead, user);
            return api ? ConsoleJson.Result(w => ConsoleJson.Lead(w, changed)) : Results.Redirect(ConsoleRoutes.Lead(changed.Id));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return api ? ConsoleJson.Error(StatusCodes.Status409Conflict, e.Message) : Refusals.PageBadRequest(user, e.Message);
        }
    }

    private static List<StoredCase> CasesOf(Workspace ws, StoredLead lead)
    {
        var ids = lead.FindingIds.ToHashSet(StringComparer.Ordinal);
        return [.. ws.ListCases(lead.Tenant).Where(c => c.FindingIds.Any(ids.Contains))];
    }
}
