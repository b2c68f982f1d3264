using System.Text;

namespace Ooda.Engine.Triage.Internal;

/// <summary>Reads RFC 4180 CSV records one at a time and keeps the line number for diagnostics.</summary>
internal sealed class CsvCursor(TextReader reader)
{
    private int _line = 1;

    /// <summary>One record; quoted fields may hold commas, doubled quotes and newlines. Null at end of file.</summary>
    public string[]? ReadRecord(out int startLine)
    {
        startLine = _line;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                if (!any)
                    return null;
                fields.Add(field.ToString());
                return [.. fields];
            }

            any = true;
            if (quoted)
            {
                if (c == '"' && reader.Peek() == '"')
                {
                    reader.Read();
                    field.Append('"');
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    _line += c == '\n' ? 1 : 0;
                    field.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    _line++;
                    fields.Add(field.ToString());
                    return [.. fields];
                default:
                    field.Append((char)c);
                    break;
            }
        }
    }
}
