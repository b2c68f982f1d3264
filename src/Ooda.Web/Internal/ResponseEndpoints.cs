using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Ooda.Engine.Json;
using Ooda.Engine.Response;
using Ooda.Response;
using Ooda.Store;

namespace Ooda.Web.Internal;

/// <summary>
/// Response actions and the approvals inbox: the customer (or an analyst recording the customer's word) approves or rejects
/// planned actions of their tenant; the response service enforces the tenant's mode and the action's life cycle and audits it.
/// </summary>
internal static class ResponseEndpoints
{
    public const string Channel = "portal";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/actions", (HttpContext http, WorkspaceGate gate, string? state) => gate.RunAsync(ws =>
            ConsoleJson.Array(Visible(ws, ConsoleUser.From(http.User)).Where(a => state is null || a.State == state), (w, a) => ActionJson.Write(w, a)), http.RequestAborted))
            .RequireAuthorization(ConsolePolicies.Collaborate).WithTags("actions").WithSummary("Response actions of the tenants you may see (customers: their own), newest case first.");

        app.MapGet("/api/actions/{id}", (HttpContext http, WorkspaceGate gate, string id) => gate.RunAsync(ws =>
        {
            var user = ConsoleUser.From(http.User);
            var action = ws.FindAction(id);
            return action is null || !user.Sees(action.Tenant)
                ? Refusals.ApiNotFound(ws, user, http, "action", id, action?.Tenant)
                : ConsoleJson.Result(w => ActionJson.Write(w, action));
        }, http.RequestAborted)).RequireAuthorization(ConsolePolicies.Collaborate).WithTags("actions").WithSummary("One action with its history.");

        app.MapPost("/api/actions/{id}/approve", async (HttpContext http, WorkspaceGate gate, string id) =>
        {
            var note = await BodyAsync(http).ConfigureAwait(false);
            return await gate.RunAsync(ws => Decide(ws, http, id, api: true, (a, user) =>
                ResponseService.Approve(ws, [a.Id], new ActionApproval(Channel, user.Name, note.Length == 0 ? null : note), user.Name)[0]), http.RequestAborted).ConfigureAwait(false);
        }).RequireAuthorization(ConsolePolicies.Collaborate).WithTags("actions").WithSummary("Approves an action (the body, plain text, is an optional note); recorded as approved through the portal by you.");

        app.MapPost("/api/actions/{id}/reject", async (HttpContext http, WorkspaceGate gate, string id) =>
        {
            var reason = await BodyAsync(http).ConfigureAwait(false);
            return await gate.RunAsync(ws => Decide(ws, http, id, api: true, (a, user) => ResponseService.Reject(ws, a.Id, reason, user.Name, user.Name)), http.RequestAborted)
                .ConfigureAwait(false);
        }).RequireAuthorization(ConsolePolicies.Collaborate).WithTags("actions").WithSummary("Rejects an action; the body (plain text) is the reason.");

        app.MapGet("/approvals", (HttpContext http, WorkspaceGate gate) => gate.RunAsync(ws =>
        {
            var user = ConsoleUser.From(http.User);
            var actions = Visible(ws, user);
            var pending = actions.Where(a => a.State is StoredActionStates.AwaitingApproval or StoredActionStates.Proposed).ToList();
            return Layout.Page(user, "Approvals", "approvals", h =>
            {
                h.Element("h1", "Approvals");
                foreach (var tenant in actions.Select(a => a.Tenant).Distinct(StringComparer.Ordinal))
                {
                    var policy = ResponseService.PolicyFor(ws, tenant);
                    h.Element("p", $"{tenant}: response mode {ResponseNames.Of(policy.Mode)} ({policy.Source})", ("class", "muted"));
                }

                h.Element("h2", $"Waiting for a decision ({pending.Count})");
                if (pending.Count == 0)
                    h.Element("p", "Nothing waits for your decision.");
                h.Open("table", ("id", "approvals")).Trusted("<thead><tr><th>Action</th><th>Case</th><th>What</th><th>Why</th><th>State</th><th>Decide</th></tr></thead><tbody>");
                foreach (var a in pending)
                {
                    h.Open("tr", ("id", "action-" + a.Id)).Element("td", a.Id).Element("td", a.CaseId)
                        .Element("td", $"{a.Kind} {a.Subject}" + (a.Host is { } host && !string.Equals(host, a.Subject, StringComparison.OrdinalIgnoreCase) ? " on " + host : string.Empty) + $" ({a.Target})")
                        .Element("td", a.Reason).Element("td", a.State).Open("td");
                    h.Form($"/approvals/{ConsoleRoutes.Segment(a.Id)}/approve", user.CsrfToken, f => f.Element("button", "Approve", ("type", "submit"), ("class", "ok")), "inline");
                    h.Form($"/approvals/{ConsoleRoutes.Segment(a.Id)}/reject", user.CsrfToken, f => f
                        .Void("input", ("name", "reason"), ("placeholder", "why not"), ("required", "required"), ("size", "14"))
                        .Element("button", "Reject", ("type", "submit"), ("class", "no")), "inline");
                    h.Close("td").Close("tr");
                }

                h.Trusted("</tbody>").Close("table").Element("h2", "Decided and done");
                h.Open("table", ("id", "decided")).Trusted("<thead><tr><th>Action</th><th>Case</th><th>What</th><th>State</th><th>Last change</th></tr></thead><tbody>");
                foreach (var a in actions.Except(pending))
                {
                    var last = a.Events.Count > 0 ? a.Events[^1] : null;
                    h.Open("tr").Element("td", a.Id).Element("td", a.CaseId).Element("td", $"{a.Kind} {a.Subject}").Element("td", a.State)
                        .Element("td", last is null ? "-" : $"{Views.Time(last.At)} by {last.Actor}" + (last.Via is null ? string.Empty : $" via {last.Via}") + (last.Note is null ? string.Empty : $": {last.Note}"))
                        .Close("tr");
                }

                h.Trusted("</tbody>").Close("table");
            });
        }, http.RequestAborted)).RequireAuthorization(ConsolePolicies.Collaborate).ExcludeFromDescription();

        app.MapPost("/approvals/{id}/approve", (HttpContext http, WorkspaceGate gate, string id) =>
            gate.RunAsync(ws => Decide(ws, http, id, api: false, (a, user) =>
                ResponseService.Approve(ws, [a.Id], new ActionApproval(Channel, user.Name), user.Name)[0]), http.RequestAborted))
            .RequireAuthorization(ConsolePolicies.Collaborate).ExcludeFromDescription();

        app.MapPost("/approvals/{id}/reject", async (HttpContext http, WorkspaceGate gate, string id) =>
        {
            var reason = (await ConsoleRoutes.FormValueAsync(http, "reason").ConfigureAwait(false)).Trim();
            return await gate.RunAsync(ws => Decide(ws, http, id, api: false, (a, user) => ResponseService.Reject(ws, a.Id, reason, user.Name, user.Name)), http.RequestAborted)
                .ConfigureAwait(false);
        }).RequireAuthorization(ConsolePolicies.Collaborate).ExcludeFromDescription();
    }

    /// <summary>Every action of every case the user may see.</summary>
    public static List<StoredAction> Visible(Workspace ws, ConsoleUser user) =>
        [.. ws.ListCases().Where(c => user.Sees(c.Tenant)).SelectMany(c => ws.ListActions(c.Id))];

    private static IResult Decide(Workspace ws, HttpContext http, string id, bool api, Func<StoredAction, ConsoleUser, StoredAction> decide)
    {
        var user = ConsoleUser.From(http.User);
        var action = ws.FindAction(id);
        if (action is null || !user.Sees(action.Tenant))
            return api ? Refusals.ApiNotFound(ws, user, http, "action", id, action?.Tenant) : Refusals.PageNotFound(ws, user, http, "action", id, action?.Tenant);
        // The approval is the customer's consent: staff record a customer's word given elsewhere with `ooda respond approve --by`.
        if (!user.IsCustomer)
        {
            const string Reason = "only the customer approves or rejects in the console; record a customer's phone or e-mail decision with `ooda respond approve --via phone --by <contact>`";
            return api ? ConsoleJson.Error(StatusCodes.Status403Forbidden, Reason) : Refusals.PageBadRequest(user, Reason);
        }

        try
        {
            var decided = decide(action, user);
            return api ? ConsoleJson.Result(w => ActionJson.Write(w, decided)) : Results.Redirect("/approvals");
        }
        catch (ResponseRuleException e)
        {
            return api ? ConsoleJson.Error(StatusCodes.Status409Conflict, e.Message) : Refusals.PageBadRequest(user, e.Message);
        }
    }

    private static async Task<string> BodyAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
        return text.Length > 4000 ? text[..4000].Trim() : text.Trim();
    }
}
