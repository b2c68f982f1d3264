using System.Globalization;
using System.Text.Json;
using Ooda.Cli.Rendering;
using Ooda.Engine.Json;
using Ooda.Investigation.Cases;
using Ooda.Store;
using Spectre.Console;

namespace Ooda.Cli.Commands;

/// <summary>What the case commands share: refusals as bad input, and one way to print or serialise a case.</summary>
internal static class CaseCli
{
    /// <summary>Runs a case operation; a refusal by the case rules is the user's input problem (exit 2), not a crash.</summary>
    public static T Guard<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (CaseRuleException e)
        {
            throw new InputException(e.Message, e);
        }
    }

    /// <summary>The <c>--from</c>/<c>--to</c> window; each end optional, and the end after the start.</summary>
    public static (DateTime? From, DateTime? To) Window(string? from, string? to)
    {
        var start = from is null ? (DateTime?)null : Iso.Parse(from, "--from");
        var end = to is null ? (DateTime?)null : Iso.Parse(to, "--to");
        if (start is { } s && end is { } e && e <= s)
            throw new InputException("--to must be after --from");
        return (start, end);
    }

    public static StoredCase Require(Workspace workspace, string caseId) => Guard(() => CaseService.Require(workspace, caseId));

    public static void Render(Workspace workspace, StoredCase c)
    {
        var console = AnsiConsole.Console;
        var header = new Grid().AddColumn().AddColumn();
        void Row(string name, string value) => header.AddRow(new Text(name, new Style(Color.Grey)), new Text(TerminalText.Clean(value)));
        Row("case", $"{c.Id} — {c.Title}");
        Row("tenant", c.Tenant);
        Row("status", c.Status);
        Row("severity", c.Severity);
        Row("TLP", "TLP:" + c.Tlp.ToUpperInvariant());
        Row("assignee", c.Assignee ?? "-");
        Row("tags", c.Tags.Count == 0 ? "-" : string.Join(", ", c.Tags));
        Row("opened", $"{Iso.Format(c.OpenedAt)[..19]}Z by {c.OpenedBy}");
        Row("updated", Iso.Format(c.UpdatedAt)[..19] + "Z");
        console.Write(header);

        var scope = new Table().Border(TableBorder.Simple).Title("[bold]Scope[/]").AddColumn("Host").AddColumn("Why").AddColumn("Added");
        foreach (var h in c.Hosts)
            scope.AddRow(new Text(TerminalText.Clip(h.Host, 40)), new Text(TerminalText.Clip(h.Reason, 90)), new Text($"{Iso.Format(h.AddedAt)[..16]}Z {TerminalText.Clip(h.AddedBy, 20)}"));
        console.Write(scope);

        var findings = CaseService.FindingsOf(workspace, c);
        var table = new Table().Border(TableBorder.Simple).Title($"[bold]Findings[/] ({findings.Count})")
            .AddColumn("Id").AddColumn("Severity").AddColumn("When (UTC)").AddColumn("Host").AddColumn("Title");
        foreach (var f in findings)
        {
            table.AddRow(new Text(CaseService.ShortId(f.Id)), new Text(f.Severity), new Text(f.Timestamp == DateTime.MinValue ? "-" : Iso.Format(f.Timestamp)[..19]),
                new Text(TerminalText.Clip(f.Host, 24)), new Text(TerminalText.Clip(f.Title, 80)));
        }

        console.Write(table);
        var unlinked = CaseService.UnlinkedOnScope(workspace, c, "medium");
        if (unlinked.Count > 0)
            console.MarkupLine($"[yellow]{unlinked.Count} more finding(s) of medium or higher severity on hosts in scope are not linked[/] [grey](ooda case link {Markup.Escape(c.Id)} --scope-findings)[/]");

        if (c.Evidence.Count > 0)
        {
            var evidence = new Table().Border(TableBorder.Simple).Title("[bold]Evidence[/] (chain of custody)")
                .AddColumn("#").AddColumn("Item").AddColumn("Source").AddColumn("SHA-256").AddColumn("Record/line").AddColumn("Ingested").AddColumn("Added by");
            foreach (var e in c.Evidence)
            {
                evidence.AddRow(new Text(e.Number.ToString(CultureInfo.InvariantCulture)), new Text(TerminalText.Clip(e.Description, 60)),
                    new Text(TerminalText.Clip($"{e.Host}:{Path.GetFileName(e.SourcePath)}", 40)), new Text(e.SourceSha256.Length >= 16 ? e.SourceSha256[..16] + "…" : e.SourceSha256),
                    new Text(e.RecordId is { } r ? "record " + r.ToString(CultureInfo.InvariantCulture) : e.Line is { } l ? "line " + l.ToString(CultureInfo.InvariantCulture) : e.Offset is { } o ? "offset " + o.ToString(CultureInfo.InvariantCulture) : "-"),
                    new Text(e.IngestedAt is { } at ? Iso.Format(at)[..19] + "Z" : "-"), new Text(TerminalText.Clip(e.AddedBy, 20)));
            }

            console.Write(evidence);
        }

        foreach (var note in c.Notes)
            console.MarkupLine($"[grey]note {note.Number} · {Iso.Format(note.At)[..19]}Z · {Markup.Escape(TerminalText.Clean(note.Author))}[/]  {Markup.Escape(TerminalText.Clean(note.Text))}");
    }

    public static void WriteJson(Workspace workspace, StoredCase c)
    {
        using var json = new JsonLines();
        json.Write(w => Write(w, workspace, c, withFindings: true));
    }

    public static void Write(Utf8JsonWriter w, Workspace workspace, StoredCase c, bool withFindings) =>
        CaseJson.Write(w, c, withFindings ? CaseService.FindingsOf(workspace, c) : null);
}
