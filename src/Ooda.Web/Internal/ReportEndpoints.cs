using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Ooda.Detection.Runbooks;
using Ooda.Engine.Reports;
using Ooda.Reports;
using Ooda.Store;

namespace Ooda.Web.Internal;

/// <summary>Customer reports of cases, composed by the report service; the HTML report is served under its own strict policy (no script, nothing fetched).</summary>
internal static class ReportEndpoints
{
    /// <summary>The report's own policy, plus no framing and no forms or base URL.</summary>
    public static readonly string Policy = HtmlReport.ContentSecurityPolicy + "; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/reports", (HttpContext http, WorkspaceGate gate) => gate.RunAsync(ws =>
        {
            var user = ConsoleUser.From(http.User);
            var cases = ws.ListCases().Where(c => user.Sees(c.Tenant)).ToList();
            return Layout.Page(user, "Reports", "reports", h =>
            {
                h.Element("h1", "Reports");
                h.Open("table", ("id", "reports")).Trusted("<thead><tr><th>Case</th><th>Tenant</th><th>Title</th><th>Status</th><th>Updated</th><th>Report</th></tr></thead><tbody>");
                foreach (var c in cases)
                {
                    h.Open("tr").Element("td", c.Id).Element("td", c.Tenant).Element("td", c.Title).Element("td", c.Status).Element("td", Views.Time(c.UpdatedAt), ("class", "mono"));
                    h.Open("td").Link(Path(c.Id), "HTML").Text(" · ").Link(ConsoleRoutes.Query("/api/reports/" + ConsoleRoutes.Segment(c.Id), ("format", "md")), "Markdown").Close("td").Close("tr");
                }

                h.Trusted("</tbody>").Close("table");
            });
        }, http.RequestAborted)).RequireAuthorization(ConsolePolicies.Collaborate).ExcludeFromDescription();

        app.MapGet("/reports/{id}", (HttpContext http, WorkspaceGate gate, RunbookLibrary library, string id) => gate.RunAsync(ws =>
        {
            var user = ConsoleUser.From(http.User);
            var c = ws.FindCase(id);
            if (c is null || !user.Sees(c.Tenant))
                return Refusals.PageNotFound(ws, user, http, "report", id, c?.Tenant);
            var report = ReportService.Compose(ws, c, new ReportOptions { Runbooks = library, GeneratedBy = user.Name, IncludeNotes = !user.IsCustomer }, http.RequestAborted);
            http.Response.Headers.ContentSecurityPolicy = Policy;
            return Results.Content(HtmlReport.Render(report), "text/html; charset=utf-8");
        }, http.RequestAborted)).RequireAuthorization(ConsolePolicies.Collaborate).ExcludeFromDescription();

        app.MapGet("/api/reports/{id}", (HttpContext http, WorkspaceGate gate, RunbookLibrary library, string id, string? format) => gate.RunAsync(ws =>
        {
            var user = ConsoleUser.From(http.User);
            var c = ws.FindCase(id);
            if (c is null || !user.Sees(c.Tenant))
                return Refusals.ApiNotFound(ws, user, http, "report", id, c?.Tenant);
            var report = ReportService.Compose(ws, c, new ReportOptions { Runbooks = library, GeneratedBy = user.Name, IncludeNotes = !user.IsCustomer }, http.RequestAborted);
            if (format is "md" or "markdown")
                return Results.Text(MarkdownReport.Render(report), "text/markdown; charset=utf-8");
            http.Response.Headers.ContentSecurityPolicy = Policy;
            return Results.Content(HtmlReport.Render(report), "text/html; charset=utf-8");
        }, http.RequestAborted)).RequireAuthorization(ConsolePolicies.Collaborate).WithTags("reports")
            .WithSummary("The customer report of a case: HTML (default, with its strict Content-Security-Policy) or format=md.");
    }

    public static string Path(string caseId) => "/reports/" + ConsoleRoutes.Segment(caseId);
}
