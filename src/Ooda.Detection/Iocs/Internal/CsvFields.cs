using System.Text;

namespace Ooda.Detection.Iocs.Internal;

/// <summary>Splits one CSV record (RFC 4180 quoting: <c>"a,b"</c>, <c>""</c> for a quote) and tolerates stray quotes.</summary>
internal static class CsvFields
{
    /// <summary>The fields, or null when a quoted field is still open at the end of the text (the record goes on).</summary>
    public static List<string>? Split(string line, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var atStart = true;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
                atStart = true;
                continue;
            }
            else if (c == '"' && atStart && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                quoted = true;
            }
            else
            {
                field.Append(c);
            }

            atStart = false;
        }

        if (quoted)
            return null;
        fields.Add(field.ToString().Trim());
        return fields;
    }

    /// <summary>The delimiter a header line uses: comma, semicolon or tab, whichever splits it most.</summary>
    public static char Sniff(string header)
    {
        var best = ',';
        var most = header.Count(c => c == ',');
        foreach (var candidate in new[] { ';', '\t' })
        {
            var count = header.Count(c => c == candidate);
            if (count > most)
            {
                best = candidate;
                most = count;
            }
        }

        return best;
    }
}
