using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Ooda.Detection.Runbooks;

namespace Ooda.Web.Internal;

/// <summary>Runbooks (built-in and team folders): every version, its changelog and remediation, and the diff between two versions.</summary>
internal static class RunbookEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/runbooks", (RunbookLibrary library) => ConsoleJson.Array(library.Latest, (w, r) => ConsoleJson.Runbook(w, r, library)))
            .RequireAuthorization(ConsolePolicies.Investigate).WithTags("runbooks").WithSummary("Every runbook's newest version (as ooda runbook list --json).");

        app.MapGet("/api/runbooks/{id}", (RunbookLibrary library, string id, string? version) =>
        {
            var runbook = Find(library, id, version);
            return runbook is null ? ConsoleJson.Error(StatusCodes.Status404NotFound, "no such runbook or version") : ConsoleJson.Result(w => ConsoleJson.Runbook(w, runbook, library));
        }).RequireAuthorization(ConsolePolicies.Investigate).WithTags("runbooks").WithSummary("One runbook version (the newest unless version= is given).");

        app.MapGet("/api/runbooks/{id}/diff", (RunbookLibrary library, string id, string? from, string? to) =>
        {
            var pair = Pair(library, id, from, to);
            return pair is null
                ? ConsoleJson.Error(StatusCodes.Status404NotFound, "no such runbook or versions")
                : ConsoleJson.Array(RunbookDiff.Compare(pair.Value.Before, pair.Value.After), ConsoleJson.DiffEntry);
        }).RequireAuthorization(ConsolePolicies.Investigate).WithTags("runbooks").WithSummary("What changed between two versions (as ooda runbook diff --json); defaults to the last two.");

        app.MapGet("/runbooks", (HttpContext http, RunbookLibrary library) =>
        {
            var user = ConsoleUser.From(http.User);
            return Layout.Page(user, "Runbooks", "runbooks", h =>
            {
                h.Element("h1", "Runbooks");
                h.Open("table", ("id", "runbooks")).Trusted("<thead><tr><th>Runbook</th><th>Title</th><th>Versions</th><th>CVEs</th><th>Hunts</th><th>Remediation steps</th></tr></thead><tbody>");
                foreach (var r in library.Latest)
                {
                    h.Open("tr").Open("td").Link(ConsoleRoutes.Runbook(r.Id), r.Id).Close("td").Element("td", r.Title)
                        .Element("td", string.Join(", ", library.Versions(r.Id).Select(v => v.Version.ToString()))).Element("td", string.Join(" ", r.Threat.Cves))
                        .Element("td", r.Hunts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
                        .Element("td", r.Remediation.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)).Close("tr");
                }

                h.Trusted("</tbody>").Close("table");
                if (library.Errors.Count > 0)
                    h.Element("p", $"{library.Errors.Count} runbook files have errors (ooda runbook validate).", ("class", "error"));
            });
        }).RequireAuthorization(ConsolePolicies.Investigate).ExcludeFromDescription();

        app.MapGet("/runbooks/{id}", (HttpContext http, RunbookLibrary library, string id, string? version) =>
        {
            var user = ConsoleUser.From(http.User);
            var r = Find(library, id, version);
            if (r is null)
                return Layout.Page(user, "Not found", "runbooks", h => h.Element("h1", "Not found").Element("p", "No such runbook or version."), StatusCodes.Status404NotFound);
            var versions = library.Versions(r.Id);
            return Layout.Page(user, r.Reference, "runbooks", h =>
            {
                h.Element("h1", $"{r.Title} ({r.Reference})");
                if (r.Summary is not null)
                    h.Element("p", r.Summary);
                h.Open("p").Text("Versions: ");
                foreach (var v in versions)
                    h.Link(ConsoleRoutes.Query(ConsoleRoutes.Runbook(r.Id), ("version", v.Version.ToString())), v.Version.ToString(), v.Version == r.Version ? "on" : null).Text(" ");
                if (versions.Count > 1)
                    h.Text(" · ").Link(ConsoleRoutes.Runbook(r.Id) + "/diff", "diff of the last two");
                h.Close("p").Element("h2", "Changelog");
                h.Open("ul");
                foreach (var change in r.Changelog)
                    h.Element("li", $"{change.Version} ({change.Date:yyyy-MM-dd}{(change.Author is null ? string.Empty : ", " + change.Author)}): {string.Join("; ", change.Changes)}");
                h.Close("ul").Element("h2", "Remediation");
                h.Open("table", ("id", "remediation")).Trusted("<thead><tr><th>Step</th><th>Action</th><th>Target</th><th>What</th><th>Command</th></tr></thead><tbody>");
                foreach (var step in r.Remediation)
                {
                    h.Open("tr").Element("td", step.Id).Element("td", step.Action).Element("td", step.Target).Element("td", step.Description)
                        .Element("td", step.Command ?? string.Empty, ("class", "mono wrap")).Close("tr");
                }

                h.Trusted("</tbody>").Close("table").Element("h2", "Hunts");
                h.Open("ul");
                foreach (var hunt in r.Hunts)
                    h.Element("li", $"{hunt.Id}: {hunt.Title}");
                h.Close("ul");
            });
        }).RequireAuthorization(ConsolePolicies.Investigate).ExcludeFromDescription();

        app.MapGet("/runbooks/{id}/diff", (HttpContext http, RunbookLibrary library, string id, string? from, string? to) =>
        {
            var user = ConsoleUser.From(http.User);
            var pair = Pair(library, id, from, to);
            if (pair is null)
                return Layout.Page(user, "Not found", "runbooks", h => h.Element("h1", "Not found").Element("p", "No such runbook, or it has one version."), StatusCodes.Status404NotFound);
            var (before, after) = pair.Value;
            return Layout.Page(user, $"{before.Reference} → {after.Reference}", "runbooks", h =>
            {
                h.Element("h1", $"{before.Reference} → {after.Reference}");
                h.Open("table", ("id", "diff")).Trusted("<thead><tr><th></th><th>Section</th><th>Item</th><th>Detail</th></tr></thead><tbody>");
                foreach (var e in RunbookDiff.Compare(before, after))
                {
                    var css = e.Change switch { '+' => "diff-add", '-' => "diff-del", _ => "diff-chg" };
                    h.Open("tr", ("class", css)).Element("td", ConsoleJson.ChangeName(e.Change)).Element("td", e.Section).Element("td", e.Item).Element("td", e.Detail ?? string.Empty).Close("tr");
                }

                h.Trusted("</tbody>").Close("table");
            });
        }).RequireAuthorization(ConsolePolicies.Investigate).ExcludeFromDescription();
    }

    private static Runbook? Find(RunbookLibrary library, string id, string? version) =>
        version is { Length: > 0 } ? library.Find($"{id}@{version}") : library.Find(id);

    private static (Runbook Before, Runbook After)? Pair(RunbookLibrary library, string id, string? from, string? to)
    {
        var versions = library.Versions(id);
        if (versions.Count == 0)
            return null;
        var after = to is { Length: > 0 } ? library.Find($"{id}@{to}") : versions[^1];
        var before = from is { Length: > 0 } ? library.Find($"{id}@{from}") : versions.Count > 1 ? versions[^2] : null;
        return before is null || after is null ? null : (before, after);
    }
}
