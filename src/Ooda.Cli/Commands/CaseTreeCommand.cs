using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ooda.Cli.Rendering;
using Ooda.Investigation.Cases;
using Ooda.Investigation.ProcessTrees;
using Ooda.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda case tree</c>: a host's process tree from Sysmon 1/5 and Security 4688/4689, as a terminal tree, JSON or SVG.</summary>
public sealed class CaseTreeCommand : Command<CaseTreeSettings>
{
    public override int Execute(CommandContext context, CaseTreeSettings settings, CancellationToken cancellationToken)
    {
        var (from, to) = CaseCli.Window(settings.From, settings.To);
        var selection = Selection(settings);
        var limits = new ProcessTreeLimits { MaxDepth = settings.MaxDepth, MaxNodes = settings.MaxNodes };

        using var workspace = settings.OpenExistingWorkspace();
        var @case = CaseCli.Require(workspace, settings.Case);
        var host = Host(settings, @case);
        if (from is null && to is null)
            (from, to) = ProcessTreeBuilder.CaseWindow(CaseService.FindingsOf(workspace, @case));

        var graph = ProcessTreeBuilder.LoadGraph(workspace, new ProcessGraphRequest { Tenant = @case.Tenant, Host = host, From = from, To = to }, cancellationToken);
        var tree = graph.Select(selection, limits);
        var format = settings.EffectiveFormat;
        if (settings.Output is { Length: > 0 } output)
        {
            using (var file = new BufferedStream(File.Create(output), 1 << 16))
                Write(file, tree, format);
            AnsiConsole.MarkupLine(Markup.Escape(TerminalText.Clean(
                string.Create(CultureInfo.InvariantCulture, $"{@case.Id} {host}: {tree.Shown} of {tree.Processes} processes shown; {format} written to {Path.GetFullPath(output)}"))));
        }
        else if (format == "tree")
        {
            if (!@case.Hosts.Any(h => string.Equals(h.Host, host, StringComparison.OrdinalIgnoreCase)))
                AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(TerminalText.Clean(host))} is not in the scope of {Markup.Escape(@case.Id)}[/]");
            CaseTreeView.Write(AnsiConsole.Console, tree);
        }
        else
        {
            using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
            Write(stdout, tree, format);
        }

        return OodaApp.ExitOk;
    }

    /// <summary>Writes straight to the stream: a month's tree is tens of megabytes of JSON, which a string would hold twice.</summary>
    private static void Write(Stream output, ProcessTree tree, string format)
    {
        if (format == "json")
        {
            using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                ProcessTreeJson.Write(writer, tree);
            output.Write(Encoding.UTF8.GetBytes(Environment.NewLine));
            return;
        }

        using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
        if (format == "svg")
        {
            ProcessTreeSvg.Write(text, tree);
            text.WriteLine();
            return;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(text),
        });
        console.Profile.Width = OodaApp.RedirectedWidth;
        CaseTreeView.Write(console, tree);
    }

    private static string Host(CaseTreeSettings settings, StoredCase @case)
    {
        if (settings.Host is { Length: > 0 } host)
            return host;
        return @case.Hosts.Count == 1
            ? @case.Hosts[0].Host
            : throw new InputException(@case.Hosts.Count == 0
                ? $"--host: {@case.Id} has no host in scope; name one"
                : $"--host: {@case.Id} has {@case.Hosts.Count} hosts in scope ({string.Join(", ", @case.Hosts.Select(h => h.Host))}); name one");
    }

    private static ProcessSelection Selection(CaseTreeSettings settings) => new()
    {
        RootImage = settings.Root is { } root && root.Trim().Length == 0 ? throw new InputException("--root: give an image name such as w3wp.exe") : settings.Root?.Trim(),
        Pid = settings.Pid is { } pid ? ParsePid(pid) : null,
        At = settings.At is { } at ? Iso.Parse(at, "--at") : null,
        Guid = settings.Guid is { } guid ? ParseGuid(guid) : null,
    };

    private static long ParsePid(string text)
    {
        var t = text.Trim();
        var ok = t.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(t.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            : long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        return ok && value >= 0 ? value : throw new InputException($"--pid: '{TerminalText.Clip(text, 40)}' is not a process id (decimal, or hex like 0x1a2c)");
    }

    private static string ParseGuid(string text) =>
        System.Guid.TryParse(Workspace.NormalGuid(text), out _) ? text : throw new InputException($"--guid: '{TerminalText.Clip(text, 60)}' is not a GUID");
}
