using System.Globalization;
using Ooda.Cli.Rendering;
using Ooda.Investigation.ProcessTrees;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Ooda.Cli.Commands;

/// <summary>A process tree in the terminal: Spectre's tree, one line per process, evidence escaped and cleaned of control characters.</summary>
internal static class CaseTreeView
{
    private const int MinCommandLine = 24;

    public static void Write(IAnsiConsole console, ProcessTree tree)
    {
        var window = tree.From is null && tree.To is null ? "all time"
            : $"{(tree.From is { } from ? Short(from) : "…")} – {(tree.To is { } to ? Short(to) : "…")}";
        var title = new Tree(new Markup(
            $"[bold]{Escape(tree.Tenant)}/{Escape(tree.Host)}[/] [grey]· {Escape(tree.Selection.ToString())} · {Escape(window)}[/]"));

        // Iterative, parents before children; depth is bounded by the limits, so Spectre's own recursive rendering is too.
        var stack = new Stack<(IHasTreeNodes Parent, ProcessTreeNode Node, int Depth, bool More)>();
        for (var i = tree.Roots.Count - 1; i >= 0; i--)
            stack.Push((title, tree.Roots[i], 1, false));
        while (stack.TryPop(out var item))
        {
            var (parent, node, depth, more) = item;
            if (more)
            {
                parent.AddNode(new Markup(string.Create(CultureInfo.InvariantCulture,
                    $"[grey]… {node.HiddenProcesses} more ({node.HiddenChildren} {(node.HiddenChildren == 1 ? "child" : "children")} not shown; raise --max-depth/--max-nodes or focus with --pid/--guid)[/]")));
                continue;
            }

            if (node.Ancestors.Count > 0)
            {
                var chain = (node.MoreAncestors ? "… › " : string.Empty) + string.Join(" › ", node.Ancestors.Select(a => Name(a) + Pid(a)));
                parent = parent.AddNode(new Markup($"[grey]↑ {Escape(chain)}[/]"));
                depth++;
            }

            // Each level indents four columns; the command line gets what is left of the line, so a row stays one line.
            var added = parent.AddNode(Label(node.Process, console.Profile.Width - (4 * depth)));
            if (node.HiddenProcesses > 0)
                stack.Push((added, node, depth + 1, true));
            for (var c = node.Children.Count - 1; c >= 0; c--)
                stack.Push((added, node.Children[c], depth + 1, false));
        }

        if (tree.HiddenRoots > 0)
            title.AddNode(new Markup(string.Create(CultureInfo.InvariantCulture, $"[grey]… {tree.HiddenRoots} more matching root(s) not shown (--max-nodes)[/]")));
        if (tree.Roots.Count == 0)
            title.AddNode(new Markup("[yellow]no process matches[/]"));
        console.Write(title);

        var summary = string.Create(CultureInfo.InvariantCulture, $"{tree.Shown} shown of {tree.Processes} processes")
            + (tree.Hidden > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {tree.Hidden} cut by limits (depth {tree.Limits.MaxDepth}, nodes {tree.Limits.MaxNodes})") : string.Empty);
        console.MarkupLine($"[grey]{Escape(summary)}[/]");
        foreach (var diagnostic in tree.Diagnostics)
            console.MarkupLine($"[yellow]! {Escape(diagnostic)}[/]");
    }

    private static IRenderable Label(ProcessNode p, int width)
    {
        var start = p.Start is { } s ? Short(s) : "start not logged    ";
        var name = Name(p);
        var user = p.User is { Length: > 0 } u ? " " + TerminalText.Clip(u, 40) : string.Empty;
        var source = p.Source == ProcessSource.Both ? "sysmon+4688" : ProcessTreeJson.SourceName(p.Source);
        var room = Math.Max(MinCommandLine, width - start.Length - name.Length - Pid(p).Length - user.Length - source.Length - 5);
        var commandLine = p.CommandLine is { Length: > 0 } c ? "  [silver]" + Escape(TerminalText.Clip(c, room)) + "[/]" : string.Empty;
        return new Markup($"[grey]{start}[/] [bold]{Escape(name)}[/][grey]{Pid(p)}{Escape(user)}[/]{commandLine} [grey italic]{source}[/]");
    }

    private static string Name(ProcessNode p) => p.Name.Length > 0 ? TerminalText.Clip(p.Name, 60) : "(unknown image)";

    private static string Pid(ProcessNode p) => p.Pid is { } pid ? string.Create(CultureInfo.InvariantCulture, $" ({pid})") : string.Empty;

    private static string Short(DateTime utc) => Iso.Format(utc)[..19] + "Z";

    private static string Escape(string text) => Markup.Escape(TerminalText.Clean(text));
}
