namespace Ooda.Knowledge.Tests.Attack;

/// <summary>
/// Pulls the top-level <c>tags:</c> list out of a Sigma rule file with a line scanner (this test project has no YAML parser):
/// block lists (<c>- attack.t1059</c>) and flow lists (<c>[a, b]</c>), quotes and trailing <c># comments</c> removed.
/// </summary>
internal static class SigmaRuleTags
{
    public static IReadOnlyList<string> Read(string path)
    {
        var tags = new List<string>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("tags:", StringComparison.Ordinal))
                continue;
            var rest = StripComment(lines[i]["tags:".Length..]).Trim();
            if (rest.StartsWith('[') && rest.EndsWith(']'))
            {
                tags.AddRange(rest[1..^1].Split(',').Select(Scalar).Where(t => t.Length > 0));
                continue;
            }

            if (rest.Length > 0)
                throw new InvalidDataException($"{path}:{i + 1}: tags is neither a block nor a flow list");
            for (var j = i + 1; j < lines.Length; j++)
            {
                var trimmed = lines[j].TrimStart();
                if (trimmed.Length == 0 || trimmed.StartsWith('#'))
                    continue;
                // The list ends at the next line that is not a "- item" (YAML allows the items indented or not).
                if (!trimmed.StartsWith("- ", StringComparison.Ordinal))
                    break;
                tags.Add(Scalar(trimmed[2..]));
            }
        }

        return tags;
    }

    private static string Scalar(string text)
    {
        var s = StripComment(text).Trim();
        return s.Length >= 2 && (s[0] == '\'' || s[0] == '"') && s[^1] == s[0] ? s[1..^1] : s;
    }

    // In YAML a comment starts at a '#' preceded by whitespace; tags never contain one.
    private static string StripComment(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '#' && (i == 0 || char.IsWhiteSpace(text[i - 1])))
                return text[..i];
        }

        return text;
    }
}
