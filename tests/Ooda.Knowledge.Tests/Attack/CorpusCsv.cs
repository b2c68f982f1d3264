using System.Text;

namespace Ooda.Knowledge.Tests.Attack;

/// <summary>Reads the corpus's small ATT&amp;CK CSV files (RFC 4180 quoting) into header-keyed rows, independently of the generator.</summary>
internal static class CorpusCsv
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string path)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8).Where(l => l.Length > 0).ToList();
        var header = Split(lines[0], path, 1);
        var rows = new List<IReadOnlyDictionary<string, string>>();
        for (var i = 1; i < lines.Count; i++)
        {
            var fields = Split(lines[i], path, i + 1);
            if (fields.Count != header.Count)
                throw new InvalidDataException($"{path}:{i + 1}: {fields.Count} fields, header has {header.Count}");
            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        }

        return rows;
    }

    private static List<string> Split(string line, string path, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                    field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"')
                    field.Append(line[++i]);
                else
                    quoted = false;
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
            throw new InvalidDataException($"{path}:{lineNumber}: unterminated quote");
        fields.Add(field.ToString());
        return fields;
    }
}
