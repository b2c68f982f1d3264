using System.Globalization;
using System.Text.Json;
using Ooda.Cli.Rendering;
using Ooda.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda sql</c>: read-only SQL over the store; writes and file access are refused by the database itself.</summary>
public sealed class SqlCommand : Command<SqlSettings>
{
    private const int MaxTableRows = 10_000;

    public override int Execute(CommandContext context, SqlSettings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> columns = [];
        var table = new Table().Border(TableBorder.Simple);
        var rows = 0;
        using var json = settings.Json ? new JsonLines() : null;
        try
        {
            WorkspaceSql.Query(settings.WorkspaceFolder, settings.Query,
                names =>
                {
                    columns = names;
                    foreach (var name in names)
                        table.AddColumn(new TableColumn(Markup.Escape(TerminalText.Clean(name))));
                },
                row =>
                {
                    rows++;
                    if (json is not null)
                        json.Write(w => WriteRow(w, columns, row));
                    else if (rows <= MaxTableRows)
                        table.AddRow(row.Select(v => new Text(TerminalText.Clip(Format(v), 200))).ToArray());
                },
                cancellationToken);
        }
        catch (SqlRejectedException e)
        {
            throw new InputException("sql: " + e.Message, e);
        }

        if (json is null)
        {
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"[grey]{rows} rows{(rows > MaxTableRows ? $" ({MaxTableRows} shown; use --json for all)" : string.Empty)}[/]");
        }

        return OodaApp.ExitOk;
    }

    private static void WriteRow(Utf8JsonWriter w, IReadOnlyList<string> columns, object?[] row)
    {
        w.WriteStartObject();
        for (var i = 0; i < row.Length; i++)
        {
            w.WritePropertyName(columns[i]);
            switch (row[i])
            {
                case null: w.WriteNullValue(); break;
                case bool b: w.WriteBooleanValue(b); break;
                case byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal:
                    w.WriteRawValue(Convert.ToString(row[i], CultureInfo.InvariantCulture)!);
                    break;
                case System.Collections.IList list when list is not byte[]:
                    w.WriteStartArray();
                    foreach (var item in list)
                        w.WriteStringValue(item is null ? null : Format(item));
                    w.WriteEndArray();
                    break;
                default: w.WriteStringValue(Format(row[i])); break;
            }
        }

        w.WriteEndObject();
    }

    private static string Format(object? value) => value switch
    {
        null => "NULL",
        DateTime t => Iso.Format(t),
        byte[] bytes => Convert.ToHexStringLower(bytes),
        Stream stream => Hex(stream),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        // DuckDB lists (VARCHAR[] and friends) arrive as IList; print them the way DuckDB does.
        System.Collections.IList list => "[" + string.Join(", ", list.Cast<object?>().Select(Format)) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    private static string Hex(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Convert.ToHexStringLower(copy.ToArray());
    }
}
