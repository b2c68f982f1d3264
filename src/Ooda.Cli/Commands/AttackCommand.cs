using System.Text.Json;
using Ooda.Cli.Rendering;
using Ooda.Knowledge.Attack;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda attack &lt;ids-or-tags&gt;…</c>: tactic, id and name for each ATT&amp;CK id or Sigma tag, v19 and revoked ids included.</summary>
public sealed class AttackCommand : Command<AttackSettings>
{
    private const int MaxInputs = 10_000;

    public override int Execute(CommandContext context, AttackSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Ids.Length > MaxInputs)
            throw new InputException($"too many ids: {settings.Ids.Length} (at most {MaxInputs})");
        var catalogue = AttackCatalogue.Embedded;
        var tags = settings.Ids.Select(catalogue.Resolve).ToList();
        if (settings.Json)
        {
            using var json = new JsonLines();
            json.Write(w => WriteJson(w, catalogue, tags));
        }
        else
        {
            WriteTable(catalogue, tags);
        }

        // Unknown ids are listed above with the reason; the exit code still says the input was not all usable.
        var unknown = tags.Where(t => !t.IsKnown).Select(t => TerminalText.Clip(t.Tag, 40)).ToList();
        if (unknown.Count > 0)
            throw new InputException($"not an ATT&CK id or tag: {string.Join(", ", unknown)}");
        return OodaApp.ExitOk;
    }

    private static void WriteTable(AttackCatalogue catalogue, IReadOnlyList<AttackTag> tags)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Input").AddColumn("Tactic").AddColumn("ID").AddColumn("Name").AddColumn("Note");
        foreach (var tag in tags)
        {
            var input = TerminalText.Clip(tag.Tag, 40);
            if (tag.Techniques.Count > 0)
            {
                foreach (var t in tag.Techniques)
                    table.AddRow(Cell(input), Cell(string.Join(", ", t.Tactics.Select(x => x.Name))), Cell(t.Id), Cell(t.Name), Cell(Flags(tag)));
            }
            else if (tag.Tactic is { } tactic)
            {
                table.AddRow(Cell(input), Cell(tactic.Name), Cell(tactic.Id ?? "-"), Cell(tactic.Name), Cell(Flags(tag)));
            }
            else
            {
                table.AddRow(Cell(input), Cell("-"), Cell(tag.Id ?? "-"), Cell(tag.Kind == AttackTagKind.Unknown ? "unknown" : KindName(tag.Kind)), Cell(tag.Note ?? string.Empty));
            }
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[grey]" + Markup.Escape(catalogue.Release + ". " + catalogue.Copyright) + "[/]");
    }

    private static string Flags(AttackTag tag)
    {
        var flags = new List<string>();
        if (tag.IsV19)
            flags.Add(tag.ViaParent ? $"ATT&CK v19 {tag.Id}, through its parent" : tag.Kind == AttackTagKind.Technique ? $"ATT&CK v19 {tag.Id}" : "ATT&CK v19 tactic, replaces " + tag.Tactic?.Replaces?.Name);
        if (tag.IsRevoked)
            flags.Add($"{tag.Id} revoked");
        if (tag.IsDeprecated)
            flags.Add("deprecated");
        return string.Join("; ", flags);
    }

    private static Text Cell(string text) => new(TerminalText.Clean(text));

    private static string KindName(AttackTagKind kind) => kind switch
    {
        AttackTagKind.DataSource => "data-source",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static void WriteJson(Utf8JsonWriter w, AttackCatalogue catalogue, IReadOnlyList<AttackTag> tags)
    {
        w.WriteStartObject();
        w.WriteString("attackRelease", catalogue.Release);
        w.WriteString("copyright", catalogue.Copyright);
        w.WriteStartArray("items");
        foreach (var tag in tags)
        {
            w.WriteStartObject();
            w.WriteString("input", tag.Tag);
            w.WriteString("kind", KindName(tag.Kind));
            w.WriteString("id", tag.Id);
            w.WriteBoolean("known", tag.IsKnown);
            w.WriteBoolean("v19", tag.IsV19);
            w.WriteBoolean("viaParent", tag.ViaParent);
            w.WriteBoolean("revoked", tag.IsRevoked);
            w.WriteBoolean("deprecated", tag.IsDeprecated);
            w.WriteString("description", catalogue.Describe(tag.Tag));
            w.WriteString("note", tag.Note);
            if (tag.Tactic is { } tactic)
            {
                w.WritePropertyName("tactic");
                WriteTactic(w, tactic);
            }

            w.WriteStartArray("techniques");
            foreach (var t in tag.Techniques)
            {
                w.WriteStartObject();
                w.WriteString("id", t.Id);
                w.WriteString("name", t.Name);
                w.WriteString("url", t.Url);
                w.WriteStartArray("tactics");
                foreach (var x in t.Tactics)
                    WriteTactic(w, x);
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTactic(Utf8JsonWriter w, AttackTactic tactic)
    {
        w.WriteStartObject();
        w.WriteString("id", tactic.Id);
        w.WriteString("shortName", tactic.ShortName);
        w.WriteString("name", tactic.Name);
        if (tactic.Replaces is { } replaced)
            w.WriteString("replaces", replaced.Id);
        w.WriteEndObject();
    }
}
