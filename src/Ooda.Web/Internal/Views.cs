using System.Globalization;
using Ooda.Core;
using Ooda.Engine.Json;
using Ooda.Investigation.ProcessTrees;
using Ooda.Store;

namespace Ooda.Web.Internal;

/// <summary>Pieces of pages more than one page shows: times, finding tables, process trees.</summary>
internal static class Views
{
    public static string Time(DateTime? utc) =>
        utc is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";

    /// <summary>A time for a link, to the tick: a pid's holder is chosen by it, so a rounded time could miss the process.</summary>
    public static string Iso(DateTime utc) => JsonTime.Format(utc);

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static void Findings(Html h, IEnumerable<Finding> findings, string? caseId)
    {
        h.Open("table").Trusted("<thead><tr><th>Severity</th><th>When (UTC)</th><th>Host</th><th>Title</th><th>Runbook / hunt</th><th>Evidence</th><th></th></tr></thead><tbody>");
        foreach (var f in findings)
        {
            h.Open("tr").Open("td");
            Layout.Severity(h, f.Severity);
            h.Close("td").Element("td", Time(f.Timestamp == DateTime.MinValue ? null : f.Timestamp), ("class", "mono"));
            h.Element("td", f.Host).Element("td", f.Title);
            h.Element("td", f.FoundBy, ("class", "mono"));
            h.Element("td", f.Provenance.ToString(), ("class", "mono wrap"));
            h.Open("td");
            if (caseId is not null && f.Timestamp != DateTime.MinValue)
                h.Link(ConsoleRoutes.Query(ConsoleRoutes.Case(caseId, "timeline"), ("around", f.Id)), "timeline");
            h.Close("td").Close("tr");
        }

        h.Trusted("</tbody>").Close("table");
    }

    /// <summary>A process tree as nested lists; each process links to the tree rooted at it.</summary>
    public static void Tree(Html h, ProcessTree tree, Func<ProcessNode, string> rootedAt)
    {
        h.Element("p", string.Create(CultureInfo.InvariantCulture,
            $"{tree.Shown} of {tree.Processes} processes shown ({tree.Selection}); window {Time(tree.From)} → {Time(tree.To)}") + (tree.Hidden > 0 ? $", {tree.Hidden} hidden by the limits" : string.Empty),
            ("class", "muted"));
        if (tree.Roots.Count == 0)
        {
            h.Element("p", "No process matches in this window.");
            return;
        }

        h.Open("ul", ("class", "tree"), ("id", "process-tree"));
        foreach (var root in tree.Roots)
            Node(h, root, rootedAt, 0);
        h.Close("ul");
        foreach (var d in tree.Diagnostics)
            h.Element("p", d, ("class", "muted"));
    }

    private static void Node(Html h, ProcessTreeNode node, Func<ProcessNode, string> rootedAt, int depth)
    {
        var p = node.Process;
        h.Open("li", ("class", p.Evidence.Count > 0 ? "hit" : null));
        if (node.Ancestors.Count > 0)
            h.Element("span", "↑ " + string.Join(" ← ", node.Ancestors.Select(a => a.Name)) + (node.MoreAncestors ? " ← …" : string.Empty) + "  ", ("class", "muted"));
        h.Open("a", ("href", rootedAt(p)), ("class", "proc")).Element("strong", p.Name).Close("a");
        h.Element("span", string.Create(CultureInfo.InvariantCulture, $" pid {p.Pid?.ToString(CultureInfo.InvariantCulture) ?? "?"} · {Time(p.Start)}") + (p.User is { } user ? " · " + user : string.Empty), ("class", "muted"));
        if (p.CommandLine is { Length: > 0 } command)
            h.Open("div").Element("code", command, ("class", "wrap")).Close("div");
        if (node.Children.Count > 0 && depth < 64)
        {
            h.Open("ul", ("class", "tree"));
            foreach (var child in node.Children)
                Node(h, child, rootedAt, depth + 1);
            h.Close("ul");
        }

        if (node.HiddenChildren > 0)
            h.Element("div", string.Create(CultureInfo.InvariantCulture, $"… {node.HiddenChildren} more children"), ("class", "muted"));
        h.Close("li");
    }

    /// <summary>The tree-page address of a process: by Sysmon GUID when known, else by pid at its start time.</summary>
    public static string ProcessLink(string path, ProcessNode p, DateTime? from, DateTime? to, params (string Name, string? Value)[] extra)
    {
        (string, string?)[] window = [("from", from is { } f ? Iso(f) : null), ("to", to is { } t ? Iso(t) : null)];
        (string, string?)[] root = p.Guid is { Length: > 0 } guid
            ? [("guid", guid)]
            : [("pid", p.Pid?.ToString(CultureInfo.InvariantCulture)), ("at", p.Start is { } s ? Iso(s) : null)];
        return ConsoleRoutes.Query(path, [.. extra, .. root, .. window]);
    }

    public static ProcessTree BuildTree(Workspace workspace, string tenant, string host, DateTime? from, DateTime? to, ProcessSelection selection, CancellationToken cancellationToken) =>
        ProcessTreeBuilder.Build(workspace, new ProcessGraphRequest { Tenant = tenant, Host = host, From = from, To = to }, selection, cancellationToken: cancellationToken);
}
