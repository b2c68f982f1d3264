namespace Ooda.Formats.Text.Internal;

/// <summary>
/// Splits one RFC 4180 record (quoted values, doubled quotes, separators inside quotes) that is already a whole line.
/// Hand-written rather than Sep so each line keeps its own number, byte offset and diagnostic.
/// </summary>
internal static class CsvSplitter
{
    private const char Quote = '"';

    /// <summary>Fills <paramref name="values"/>; false when a quoted value is not closed before the end of the text.</summary>
    public static bool TrySplit(ReadOnlySpan<char> text, List<string> values, char separator = ',')
    {
        values.Clear();
        var builder = new System.Text.StringBuilder();
        var i = 0;
        while (true)
        {
            if (i < text.Length && text[i] == Quote)
            {
                builder.Clear();
                i++;
                while (true)
                {
                    var rest = text[i..];
                    var q = rest.IndexOf(Quote);
                    if (q < 0)
                        return false;
                    builder.Append(rest[..q]);
                    i += q + 1;
                    if (i < text.Length && text[i] == Quote)
                    {
                        builder.Append(Quote);
                        i++;
                        continue;
                    }

                    break;
                }

                // Lenient: text between the closing quote and the separator is kept.
                var tail = text[i..];
                var sepAfter = tail.IndexOf(separator);
                var extra = sepAfter < 0 ? tail : tail[..sepAfter];
                builder.Append(extra);
                values.Add(builder.ToString());
                if (sepAfter < 0)
                    return true;
                i += sepAfter + 1;
            }
            else
            {
                var rest = text[i..];
                var sep = rest.IndexOf(separator);
                if (sep < 0)
                {
                    values.Add(rest.ToString());
                    return true;
                }

                values.Add(rest[..sep].ToString());
                i += sep + 1;
            }
        }
    }
}
