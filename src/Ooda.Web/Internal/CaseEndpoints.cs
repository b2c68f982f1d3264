using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Ooda.Detection.Runbooks;
using Ooda.Engine.Cases;
using Ooda.Engine.Json;
using Ooda.Investigation.Cases;
using Ooda.Investigation.Lateral;
using Ooda.Investigation.ProcessTrees;
using Ooda.Investigation.Stacking;
using Ooda.Investigation.Timeline;
using Ooda.Store;

namespace Ooda.Web.Internal;

/// <summary>Cases: the list, one case, and the pivots between its timeline, process trees, lateral-movement graph, ATT&amp;CK view and stacking.</summary>
internal static class CaseEndpoints
{
    private delegate IResult CaseView(Workspace ws, ConsoleUser user, StoredCase c, HttpContext http);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cases", (HttpContext http, WorkspaceGate gate, string? tenant, string? status) => gate.RunAsync(ws =>
        {
            var user = ConsoleUser.From(http.User);
            return ConsoleJson.Array(ws.ListCases(tenant, status).Where(c => user.Sees(c.Tenant)), (w, c) => CaseJson.Write(w, c, null));
        }, http.RequestAborted)).RequireAuthorization(ConsolePolicies.Investigate).WithTags("cases").WithSummary("Cases you may see, newest first.");

        Api(app, "/api/cases/{id}", "One case with its findings (as ooda case show --json).", (ws, user, c, http) =>
            ConsoleJson.Result(w => CaseJson.Write(w, c, CaseService.FindingsOf(ws, c))));

        Api(app, "/api/cases/{id}/timeline", "The case timeline as JSON lines rows in one array (as ooda case timeline --format jsonl): around, before, after, host.", (ws, user, c, http) =>
        {
            var result = Timeline(ws, c, http.Request.Query);
            return ConsoleJson.Result(w =>
            {
                w.WriteStartArray();
                foreach (var row in result.AllRows())
                    TimelineJsonLines.WriteRow(w, row);
                w.WriteEndArray();
            });
        });

        Api(app, "/api/cases/{id}/tree", "A process tree of a host in the case (as ooda case tree --format json): host, root, pid, at, guid, from, to.", (ws, user, c, http) =>
        {
            var (tree, _, _, _) = Tree(ws, c, http.Request.Query, http.RequestAborted);
            return ConsoleJson.Result(w => ProcessTreeJson.Write(w, tree));
        });

        Api(app, "/api/cases/{id}/graph", "The lateral-movement graph (as ooda case graph --format json); all=true adds routine edges.", (ws, user, c, http) =>
        {
            var graph = LateralGraphService.ForCase(ws, c, cancellationToken: http.RequestAborted);
            var all = string.Equals(http.Request.Query["all"], "true", StringComparison.OrdinalIgnoreCase);
            return ConsoleJson.Result(w => LateralGraphJson.Write(w, graph, all));
        });

        Api(app, "/api/cases/{id}/stack", "Least-frequency stacking over the case's tenant (as ooda stack --json): target (a preset or field), host, maxHosts.", (ws, user, c, http) =>
        {
            var report = Stack(ws, c, http.Request.Query, http.RequestAborted);
            return ConsoleJson.Result(w => StackJson.Write(w, report));
        });

        Api(app, "/api/cases/{id}/attack", "The case's ATT&CK view (as ooda case attack --json).", (ws, user, c, http) =>
        {
            var view = CaseAttackService.ForCase(ws, c, http.RequestServices.GetService(typeof(RunbookLibrary)) as RunbookLibrary);
            return ConsoleJson.Result(w => CaseAttackJson.Write(w, view, c.Id));
        });

        app.MapPost("/api/cases/{id}/notes", async (HttpContext http, WorkspaceGate gate, string id) =>
        {
            var text = await new StreamReader(http.Request.Body).ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
            return await gate.RunAsync(ws => AddNote(ws, http, id, text, api: true), http.RequestAborted).ConfigureAwait(false);
        }).RequireAuthorization(ConsolePolicies.Investigate).WithTags("cases").WithSummary("Adds a note (the request body, plain text) to a case; audited.");

        app.MapGet("/cases", (HttpContext http, WorkspaceGate gate) => gate.RunAsync(ws =>
        {
            var user = ConsoleUser.From(http.User);
            var cases = ws.ListCases().Where(c => user.Sees(c.Tenant)).ToList();
            return Layout.Page(user, "Cases", "cases", h =>
            {
                h.Element("h1", "Cases");
                h.Open("table", ("id", "cases")).Trusted("<thead><tr><th>Case</th><th>Severity</th><th>Status</th><th>Tenant</th><th>Title</th><th>Hosts</th><th>Findings</th><th>Updated</th></tr></thead><tbody>");
                foreach (var c in cases)
                {
                    h.Open("tr").Open("td").Link(ConsoleRoutes.Case(c.Id), c.Id).Close("td").Open("td");
                    Layout.Severity(h, c.Severity);
                    h.Close("td").Element("td", c.Status).Element("td", c.Tenant).Element("td", c.Title).Element("td", string.Join(", ", c.Hosts.Select(x => x.Host)));
                    h.Element("td", c.FindingIds.Count.ToString(CultureInfo.InvariantCulture)).Element("td", Views.Time(c.UpdatedAt), ("class", "mono")).Close("tr");
                }

                h.Trusted("</tbody>").Close("table");
            });
        }, http.RequestAborted)).RequireAuthorization(ConsolePolicies.Investigate).ExcludeFromDescription();

        Page(app, "/cases/{id}", (ws, user, c, http) => Frame(user, c, "overview", h =>
        {
            h.Open("div", ("class", "card"));
            h.Element("p", $"Tenant {c.Tenant} · status {c.Status} · TLP:{c.Tlp.ToUpperInvariant()} · assignee {c.Assignee ?? "-"} · opened {Views.Time(c.OpenedAt)} by {c.OpenedBy}");
            h.Element("p", "Tags: " + (c.Tags.Count == 0 ? "-" : string.Join(", ", c.Tags)));
            h.Close("div").Element("h2", "Scope");
            h.Open("table").Trusted("<thead><tr><th>Host</th><th>Why</th><th>Added</th><th></th></tr></thead><tbody>");
            foreach (var host in c.Hosts)
            {
                h.Open("tr").Element("td", host.Host).Element("td", host.Reason).Element("td", $"{Views.Time(host.AddedAt)} {host.AddedBy}");
                h.Open("td").Link(ConsoleRoutes.Query(ConsoleRoutes.Case(c.Id, "tree"), ("host", host.Host)), "process tree").Close("td").Close("tr");
            }

            h.Trusted("</tbody>").Close("table");
            h.Element("h2", $"Findings ({c.FindingIds.Count})");
            Views.Findings(h, CaseService.FindingsOf(ws, c), c.Id);
            h.Element("h2", "Notes");
            foreach (var note in c.Notes)
                h.Open("div", ("class", "card")).Element("div", $"{note.Number} · {Views.Time(note.At)} · {note.Author}", ("class", "muted")).Element("div", note.Text).Close("div");
            h.Form(ConsoleRoutes.Case(c.Id, "notes"), user.CsrfToken, f => f.Open("textarea", ("name", "text"), ("rows", "3"), ("cols", "80"), ("required", "required"))
                .Close("textarea").Trusted("<br>").Element("button", "Add note", ("type", "submit")));
        }));

        Page(app, "/cases/{id}/timeline", (ws, user, c, http) =>
        {
            var result = Timeline(ws, c, http.Request.Query);
            return Frame(user, c, "timeline", h => TimelineView.Render(h, ws, result, c.Tenant,
                host => ConsoleRoutes.Query(ConsoleRoutes.Case(c.Id, "tree"), ("host", host))));
        });

        Page(app, "/cases/{id}/tree", (ws, user, c, http) =>
        {
            var (tree, host, from, to) = Tree(ws, c, http.Request.Query, http.RequestAborted);
            return Frame(user, c, "tree", h =>
            {
                h.Open("p").Text("Host: ");
                foreach (var scoped in c.Hosts)
                    h.Link(ConsoleRoutes.Query(ConsoleRoutes.Case(c.Id, "tree"), ("host", scoped.Host)), scoped.Host, string.Equals(scoped.Host, host, StringComparison.OrdinalIgnoreCase) ? "on" : null).Text(" ");
                h.Close("p").Element("h2", $"Process tree of {host}");
                Views.Tree(h, tree, p => Views.ProcessLink(ConsoleRoutes.Case(c.Id, "tree"), p, from, to, ("host", host)));
            });
        });

        Page(app, "/cases/{id}/graph", (ws, user, c, http) =>
        {
            var graph = LateralGraphService.ForCase(ws, c, cancellationToken: http.RequestAborted);
            return Frame(user, c, "graph", h =>
            {
                h.Void("img", ("src", ConsoleRoutes.Case(c.Id, "graph.svg")), ("alt", "lateral-movement graph"), ("class", "graph"));
                h.Element("h2", "Hosts reached");
                h.Open("ul");
                foreach (var r in graph.Reached)
                    h.Element("li", $"{r.Host} from {r.From} as {r.Account} ({r.Hops} hop(s), first {Views.Time(r.First)}): {r.Reason}");
                h.Close("ul").Element("h2", string.Create(CultureInfo.InvariantCulture, $"Suspicious edges ({graph.Edges.Count(e => e.Suspicious)}; {graph.RoutineEdgeCount} routine hidden)"));
                h.Open("table", ("id", "edges")).Trusted("<thead><tr><th>From</th><th>To</th><th>Account</th><th>Techniques</th><th>First</th><th>Last</th><th>Events</th><th>Why</th></tr></thead><tbody>");
                foreach (var e in graph.Edges.Where(e => e.Suspicious))
                {
                    h.Open("tr").Open("td").Link(ConsoleRoutes.Query(ConsoleRoutes.Case(c.Id, "tree"), ("host", e.Source)), e.Source).Close("td");
                    h.Open("td").Link(ConsoleRoutes.Query(ConsoleRoutes.Case(c.Id, "tree"), ("host", e.Target)), e.Target).Close("td");
                    h.Element("td", e.Account).Element("td", string.Join(" ", e.Techniques)).Element("td", Views.Time(e.First), ("class", "mono"))
                        .Element("td", Views.Time(e.Last), ("class", "mono")).Element("td", Views.Number(e.Count)).Element("td", string.Join("; ", e.Reasons.Select(r => r.Text)));
                    h.Close("tr");
                }

                h.Trusted("</tbody>").Close("table");
            });
        });

        Page(app, "/cases/{id}/graph.svg", (ws, user, c, http) =>
        {
            var graph = LateralGraphService.ForCase(ws, c, cancellationToken: http.RequestAborted);
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
            return Results.Text(LateralGraphSvg.Render(graph), "image/svg+xml; charset=utf-8");
        });

        Page(app, "/cases/{id}/attack", (ws, user, c, http) =>
        {
            var view = CaseAttackService.ForCase(ws, c, http.RequestServices.GetService(typeof(RunbookLibrary)) as RunbookLibrary);
            return Frame(user, c, "attack", h =>
            {
                h.Open("table", ("id", "attack")).Trusted("<thead><tr><th>Tactic</th><th>Technique</th><th>First seen</th><th>Last seen</th><th>Hosts</th><th>Findings</th></tr></thead><tbody>");
                foreach (var tactic in view.Tactics)
                {
                    foreach (var t in tactic.Techniques.SelectMany(t => t.SubTechniques.Prepend(t)))
                    {
                        h.Open("tr").Element("td", tactic.Tactic.Name).Element("td", $"{t.Technique.Id} {t.Technique.Name}").Element("td", Views.Time(t.FirstSeen), ("class", "mono"))
                            .Element("td", Views.Time(t.LastSeen), ("class", "mono")).Element("td", string.Join(", ", t.Hosts))
                            .Element("td", t.Evidence.Count.ToString(CultureInfo.InvariantCulture)).Close("tr");
                    }
                }

                h.Trusted("</tbody>").Close("table").Element("p", view.Copyright, ("class", "muted"));
            });
        });

        Page(app, "/cases/{id}/stack", (ws, user, c, http) =>
        {
            var report = Stack(ws, c, http.Request.Query, http.RequestAborted);
            return Frame(user, c, "stack", h =>
            {
                h.Open("p").Text("Stack: ");
                foreach (var preset in StackPresets.All)
                    h.Link(ConsoleRoutes.Query(ConsoleRoutes.Case(c.Id, "stack"), ("target", preset.Name)), preset.Name).Text(" ");
                h.Close("p").Element("p", string.Create(CultureInfo.InvariantCulture,
                    $"{report.Result.DistinctValues} distinct values over {report.Result.Hosts} hosts of {c.Tenant}, rarest first"), ("class", "muted"));
                h.Open("table", ("id", "stack")).Trusted("<thead><tr><th>Hosts</th><th>Events</th><th>Value</th><th>Seen on</th><th>First</th><th>Last</th></tr></thead><tbody>");
                foreach (var row in report.Result.Rows)
                {
                    h.Open("tr").Element("td", row.Hosts.ToString(CultureInfo.InvariantCulture)).Element("td", Views.Number(row.Events)).Element("td", row.Value, ("class", "mono wrap"))
                        .Element("td", string.Join(", ", row.HostNames.Select(x => x.Host))).Element("td", Views.Time(row.FirstSeen), ("class", "mono"))
                        .Element("td", Views.Time(row.LastSeen), ("class", "mono")).Close("tr");
                }

                h.Trusted("</tbody>").Close("table");
            });
        });

        app.MapPost("/cases/{id}/notes", async (HttpContext http, WorkspaceGate gate, string id) =>
        {
            var text = await ConsoleRoutes.FormValueAsync(http, "text").ConfigureAwait(false);
            return await gate.RunAsync(ws => AddNote(ws, http, id, text, api: false), http.RequestAborted).ConfigureAwait(false);
        }).RequireAuthorization(ConsolePolicies.Investigate).ExcludeFromDescription();
    }

    private static void Api(IEndpointRouteBuilder app, string pattern, string summary, CaseView view) =>
        app.MapGet(pattern, (HttpContext http, WorkspaceGate gate, string id) => gate.RunAsync(ws =>
        {
            var user = ConsoleUser.From(http.User);
            var c = ws.FindCase(id);
            if (c is null || !user.Sees(c.Tenant))
                return Refusals.ApiNotFound(ws, user, http, "case", id, c?.Tenant);
            try
            {
                return view(ws, user, c, http);
            }
            catch (Exception e) when (e is FormatException or TimelineException or ArgumentException)
            {
                return Refusals.ApiBadRequest(e.Message);
            }
        }, http.RequestAborted)).RequireAuthorization(ConsolePolicies.Investigate).WithTags("cases").WithSummary(summary);

    private static void Page(IEndpointRouteBuilder app, string pattern, CaseView view) =>
        app.MapGet(pattern, (HttpContext http, WorkspaceGate gate, string id) => gate.RunAsync(ws =>
        {
            var user = ConsoleUser.From(http.User);
            var c = ws.FindCase(id);
            if (c is null || !user.Sees(c.Tenant))
                return Refusals.PageNotFound(ws, user, http, "case", id, c?.Tenant);
            try
            {
                return view(ws, user, c, http);
            }
            catch (Exception e) when (e is FormatException or TimelineException or ArgumentException)
            {
                return Refusals.PageBadRequest(user, e.Message);
            }
        }, http.RequestAborted)).RequireAuthorization(ConsolePolicies.Investigate).ExcludeFromDescription();

    private static IResult Frame(ConsoleUser user, StoredCase c, string tab, Action<Html> body) =>
        Layout.Page(user, $"{c.Id} {c.Title}", "cases", h =>
        {
            h.Open("h1");
            Layout.Severity(h, c.Severity);
            h.Text($" {c.Id} · {c.Title}").Close("h1");
            h.Open("nav", ("class", "tabs"));
            foreach (var (view, name) in (ReadOnlySpan<(string, string)>)[("overview", "Overview"), ("timeline", "Timeline"), ("tree", "Process tree"), ("graph", "Lateral movement"), ("attack", "ATT&CK"), ("stack", "Stacking")])
                h.Element("a", name, ("href", ConsoleRoutes.Case(c.Id, view == "overview" ? null : view)), ("class", view == tab ? "on" : null));
            h.Close("nav");
            body(h);
        });

    private static TimelineResult Timeline(Workspace ws, StoredCase c, IQueryCollection query)
    {
        var options = new CaseTimelineOptions
        {
            Around = string.IsNullOrWhiteSpace(query["around"]) ? null : query["around"].ToString(),
            Before = QueryInput.Duration(query["before"], "before") ?? CaseTimelineOptions.DefaultBefore,
            After = QueryInput.Duration(query["after"], "after") ?? CaseTimelineOptions.DefaultAfter,
            Hosts = [.. query["host"].Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x!.Trim())],
            Limit = 1000,
        };
        return CaseTimeline.Build(ws, c, options);
    }

    private static (ProcessTree Tree, string Host, DateTime? From, DateTime? To) Tree(Workspace ws, StoredCase c, IQueryCollection query, CancellationToken cancellationToken)
    {
        var findings = CaseService.FindingsOf(ws, c);
        var host = query["host"].ToString() is { Length: > 0 } given ? given
            : c.Hosts.Count > 0 ? findings.Where(f => f.Timestamp != DateTime.MinValue).OrderBy(f => f.Timestamp).Select(f => f.Host).FirstOrDefault() ?? c.Hosts[0].Host
            : throw new FormatException($"{c.Id} has no host in scope; name one with host=");
        var (from, to) = QueryInput.Window(query["from"], query["to"]);
        if (from is null && to is null)
            (from, to) = ProcessTreeBuilder.CaseWindow(findings);
        var selection = QueryInput.Selection(query["root"], query["pid"], query["at"], query["guid"]);
        return (Views.BuildTree(ws, c.Tenant, host, from, to, selection, cancellationToken), host, from, to);
    }

    private static StackReport Stack(Workspace ws, StoredCase c, IQueryCollection query, CancellationToken cancellationToken)
    {
        var target = query["target"].ToString() is { Length: > 0 } t ? t : "process";
        var maxHosts = int.TryParse(query["maxHosts"], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : (int?)null;
        return StackService.Run(ws, new StackRequest(target)
        {
            Tenant = c.Tenant,
            Host = query["host"].ToString() is { Length: > 0 } host ? host : null,
            MaxHosts = maxHosts,
            Limit = 200,
        }, cancellationToken);
    }

    private static IResult AddNote(Workspace ws, HttpContext http, string id, string text, bool api)
    {
        var user = ConsoleUser.From(http.User);
        var c = ws.FindCase(id);
        if (c is null || !user.Sees(c.Tenant))
            return api ? Refusals.ApiNotFound(ws, user, http, "case", id, c?.Tenant) : Refusals.PageNotFound(ws, user, http, "case", id, c?.Tenant);
        text = text.Trim();
        if (text.Length is 0 or > 10_000)
            return api ? Refusals.ApiBadRequest("a note is 1 to 10000 characters") : Refusals.PageBadRequest(user, "a note is 1 to 10000 characters");
        var updated = CaseService.Note(ws, c.Id, text, user.Name);
        return api ? ConsoleJson.Result(w => CaseJson.Write(w, updated, null), StatusCodes.Status201Created) : Results.Redirect(ConsoleRoutes.Case(c.Id));
    }
}
