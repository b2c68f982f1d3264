using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Ooda.Core;
using Ooda.Engine.Json;
using Ooda.Investigation.ProcessTrees;
using Ooda.Store;

namespace Ooda.Web.Internal;

/// <summary>Fleet exposure (the latest triage) and per-host pages: the host's standing, its leads and its process tree.</summary>
internal static class ExposureEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext http, WorkspaceGate gate) =>
        {
            var user = ConsoleUser.From(http.User);
            if (user.IsCustomer)
                return Task.FromResult(Results.Redirect("/approvals"));
            return gate.RunAsync(ws => Dashboard(ws, user), http.RequestAborted);
        }).RequireAuthorization(ConsolePolicies.Collaborate).ExcludeFromDescription();

        app.MapGet("/api/exposure", (HttpContext http, WorkspaceGate gate, string? tenant) => gate.RunAsync(ws =>
        {
            var user = ConsoleUser.From(http.User);
            var triage = ws.LatestTriage();
            return ConsoleJson.Result(w =>
            {
                w.WriteStartObject();
                w.WriteString("triagedAt", triage is null ? null : JsonTime.Format(triage.Run.TriagedAt));
                w.WriteStartArray("hosts");
                foreach (var h in Visible(triage, user).Where(h => tenant is null || h.Tenant == tenant))
                    ConsoleJson.TriageHost(w, h);
                w.WriteEndArray();
                w.WriteEndObject();
            });
        }, http.RequestAborted)).RequireAuthorization(ConsolePolicies.Investigate).WithTags("exposure")
            .WithSummary("The latest exposure triage of the hosts you may see, investigate-first order (as ooda triage --json).");

        app.MapGet("/api/hosts/{tenant}/{host}", (HttpContext http, WorkspaceGate gate, string tenant, string host) => gate.RunAsync(ws =>
        {
            (tenant, host) = (ConsoleRoutes.Value(tenant), ConsoleRoutes.Value(host));
            var user = ConsoleUser.From(http.User);
            if (!user.Sees(tenant))
                return Refusals.ApiNotFound(ws, user, http, "host", $"{tenant}/{host}", tenant);
            var triaged = Visible(ws.LatestTriage(), user).FirstOrDefault(h => h.Tenant == tenant && string.Equals(h.Host, host, StringComparison.OrdinalIgnoreCase));
            var findings = ws.QueryFindings(new FindingQuery { Tenant = tenant, Host = host });
            return ConsoleJson.Result(w =>
            {
                w.WriteStartObject();
                w.WriteString("tenant", tenant);
                w.WriteString("host", host);
                w.WritePropertyName("triage");
                if (triaged is null)
                    w.WriteNullValue();
                else
                    ConsoleJson.TriageHost(w, triaged);
                w.WriteStartArray("leads");
                foreach (var l in LeadQueue.List(ws, user, tenant).Where(l => string.Equals(l.Host, host, StringComparison.OrdinalIgnoreCase)))
                    ConsoleJson.Lead(w, l);
                w.WriteEndArray();
                w.WriteNumber("findings", findings.Count);
                w.WriteEndObject();
            });
        }, http.RequestAborted)).RequireAuthorization(ConsolePolicies.Investigate).WithTags("exposure").WithSummary("One host: its triage and its leads.");

        app.MapGet("/api/hosts/{tenant}/{host}/tree", (HttpContext http, WorkspaceGate gate, string tenant, string host,
            string? root, string? pid, string? at, string? guid, string? from, string? to) => gate.RunAsync(ws =>
        {
            (tenant, host) = (ConsoleRoutes.Value(tenant), ConsoleRoutes.Value(host));
            var user = ConsoleUser.From(http.User);
            if (!user.Sees(tenant))
                return Refusals.ApiNotFound(ws, user, http, "host", $"{tenant}/{host}", tenant);
            try
            {
                var (start, end) = QueryInput.Window(from, to);
                var tree = Views.BuildTree(ws, tenant, host, start, end, QueryInput.Selection(root, pid, at, guid), http.RequestAborted);
                return ConsoleJson.Result(w => ProcessTreeJson.Write(w, tree));
            }
            catch (FormatException e)
            {
                return Refusals.ApiBadRequest(e.Message);
            }
        }, http.RequestAborted)).RequireAuthorization(ConsolePolicies.Investigate).WithTags("exposure")
            .WithSummary("A host's process tree (as ooda case tree --format json): root image, pid (+at), or Sysmon GUID; from/to window.");

        app.MapGet("/hosts/{tenant}/{host}", (HttpContext http, WorkspaceGate gate, string tenant, string host) => gate.RunAsync(ws =>
        {
            (tenant, host) = (ConsoleRoutes.Value(tenant), ConsoleRoutes.Value(host));
            var user = ConsoleUser.From(http.User);
            if (!user.Sees(tenant))
                return Refusals.PageNotFound(ws, user, http, "host", $"{tenant}/{host}", tenant);
            var triaged = Visible(ws.LatestTriage(), user).FirstOrDefault(h => h.Tenant == tenant && string.Equals(h.Host, host, StringComparison.OrdinalIgnoreCase));
            var leads = LeadQueue.List(ws, user, tenant).Where(l => string.Equals(l.Host, host, StringComparison.OrdinalIgnoreCase)).ToList();
            return Layout.Page(user, host, "exposure", h =>
            {
                h.Element("h1", $"{host} · {tenant}");
                if (triaged is not null)
                {
                    h.Open("div", ("class", "card"));
                    h.Element("p", $"Rank {triaged.Rank} · priority {triaged.Priority} · {triaged.Status} · build {triaged.Build ?? "-"} · response mode {triaged.ResponseMode ?? "-"}");
                    h.Open("ul");
                    foreach (var reason in triaged.Reasons)
                        h.Element("li", reason);
                    h.Close("ul").Close("div");
                }

                h.Open("p").Link(ConsoleRoutes.Host(tenant, host, "tree"), "Process tree of this host").Close("p");
                h.Element("h2", "Leads");
                LeadEndpoints.Table(h, leads);
            });
        }, http.RequestAborted)).RequireAuthorization(ConsolePolicies.Investigate).ExcludeFromDescription();

        app.MapGet("/hosts/{tenant}/{host}/tree", (HttpContext http, WorkspaceGate gate, string tenant, string host,
            string? root, string? pid, string? at, string? guid, string? from, string? to) => gate.RunAsync(ws =>
        {
            (tenant, host) = (ConsoleRoutes.Value(tenant), ConsoleRoutes.Value(host));
            var user = ConsoleUser.From(http.User);
            if (!user.Sees(tenant))
                return Refusals.PageNotFound(ws, user, http, "host", $"{tenant}/{host}", tenant);
            ProcessTree tree;
            DateTime? start, end;
            try
            {
                (start, end) = QueryInput.Window(from, to);
                tree = Views.BuildTree(ws, tenant, host, start, end, QueryInput.Selection(root, pid, at, guid), http.RequestAborted);
            }
            catch (FormatException e)
            {
                return Refusals.PageBadRequest(user, e.Message);
            }

            var basePath = ConsoleRoutes.Host(tenant, host, "tree");
            return Layout.Page(user, $"{host} process tree", "exposure", h =>
            {
                h.Element("h1", $"Process tree · {host} · {tenant}");
                h.Open("p").Link(ConsoleRoutes.Host(tenant, host), "← host").Text(" · ").Link(basePath, "whole host").Close("p");
                Views.Tree(h, tree, p => Views.ProcessLink(basePath, p, start, end));
            });
        }, http.RequestAborted)).RequireAuthorization(ConsolePolicies.Investigate).ExcludeFromDescription();
    }

    public static IEnumerable<StoredTriageHost> Visible(StoredTriage? triage, ConsoleUser user) =>
        triage is null ? [] : triage.Hosts.Where(h => user.Sees(h.Tenant));

    private static IResult Dashboard(Workspace ws, ConsoleUser user)
    {
        var triage = ws.LatestTriage();
        var hosts = Visible(triage, user).ToList();
        var leads = LeadQueue.List(ws, user);
        return Layout.Page(user, "Fleet exposure", "exposure", h =>
        {
            h.Element("h1", "Fleet exposure");
            if (triage is null)
            {
                h.Element("p", "No triage in this workspace yet: run ooda triage --inventory inventory.csv --scan scan.xml.");
                return;
            }

            h.Element("p", $"Latest triage {Views.Time(triage.Run.TriagedAt)}: {hosts.Count} hosts you may see, investigate-first order.", ("class", "muted"));
            h.Open("div", ("class", "grid"), ("id", "tenants"));
            foreach (var tenant in hosts.GroupBy(x => x.Tenant).OrderBy(g => g.Min(x => x.Rank)))
            {
                h.Open("div", ("class", "card")).Element("div", tenant.Key, ("class", "muted"));
                h.Element("div", tenant.Count(x => x.Status == "vulnerable").ToString(CultureInfo.InvariantCulture) + " vulnerable", ("class", "stat"));
                h.Element("div", string.Create(CultureInfo.InvariantCulture,
                    $"{tenant.Count()} hosts · {tenant.Count(x => x.InternetExposed443 == true)} exposed on 443 · {leads.Count(l => l.Tenant == tenant.Key && SeverityLevels.Rank(l.Severity) >= SeverityLevels.Rank("high"))} high+ leads"));
                h.Close("div");
            }

            h.Close("div").Element("h2", "Hosts");
            h.Open("table", ("id", "exposure")).Trusted("<thead><tr><th>#</th><th>Priority</th><th>Tenant</th><th>Host</th><th>Build</th><th>Status</th><th>Open CVEs</th><th>443 open</th><th>Response mode</th><th>Leads</th></tr></thead><tbody>");
            foreach (var x in hosts)
            {
                h.Open("tr").Element("td", x.Rank.ToString(CultureInfo.InvariantCulture)).Open("td");
                Layout.Severity(h, x.Priority);
                h.Close("td").Element("td", x.Tenant).Open("td").Link(ConsoleRoutes.Host(x.Tenant, x.Host), x.Host).Close("td");
                h.Element("td", x.Build ?? "-", ("class", "mono")).Element("td", x.Status);
                h.Element("td", x.VulnerableTo.Count.ToString(CultureInfo.InvariantCulture), ("title", string.Join(" ", x.VulnerableTo)));
                h.Element("td", x.InternetExposed443 switch { true => "yes", false => "no", null => "unknown" });
                h.Element("td", x.ResponseMode ?? "-");
                h.Element("td", leads.Count(l => l.Tenant == x.Tenant && string.Equals(l.Host, x.Host, StringComparison.OrdinalIgnoreCase)).ToString(CultureInfo.InvariantCulture));
                h.Close("tr");
            }

            h.Trusted("</tbody>").Close("table");
        });
    }
}
