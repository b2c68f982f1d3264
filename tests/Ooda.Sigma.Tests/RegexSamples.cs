using System.Text;

namespace Ooda.Sigma.Tests;

/// <summary>Sample strings for the regexes SigmaHQ rules use, for generated events and literal checks.</summary>
internal static class RegexSamples
{
    /// <summary>
    /// A string a simple regex probably matches: escapes and classes replaced by one member, groups and anchors dropped,
    /// every alternative's branches run together; with <paramref name="random"/>, a <c>+</c> may repeat and, unless
    /// <paramref name="firstBranch"/>, an alternative may start over with a later branch.
    /// </summary>
    public static string Of(string pattern, Random? random = null, bool firstBranch = true)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\' when i + 1 < pattern.Length:
                    var e = pattern[++i];
                    builder.Append(e switch { 'd' => "7", 's' => " ", 'w' => "w", 'S' => "S", 'W' => "-", 'D' => "D", 'n' => "\n", 't' => "\t", 'b' or 'B' or 'A' or 'z' or 'Z' => string.Empty, _ => e.ToString() });
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 2);
                    if (close < 0)
                        break;
                    var member = pattern[i + 1] == '^' ? 'z' : pattern[i + 1] == '\\' && i + 2 < close ? pattern[i + 2] : pattern[i + 1];
                    builder.Append(member == 'd' && pattern[i + 1] == '\\' ? '5' : member);
                    i = close;
                    break;
                case '{':
                    var end = pattern.IndexOf('}', i + 1);
                    i = end < 0 ? i : end;
                    break;
                case '(':
                    if (i + 2 < pattern.Length && pattern[i + 1] == '?' && pattern[i + 2] == ':')
                        i += 2;
                    else if (i + 3 < pattern.Length && pattern[i + 1] == '?' && pattern[i + 2] == 'i' && pattern[i + 3] == ')')
                        i += 3;
                    break;
                case '|':
                    // Keep what came before (the first branch) or, now and then, start over with this branch.
                    if (!firstBranch && random is not null && random.Next(2) == 0)
                        builder.Clear();
                    break;
                case ')' or '^' or '$' or '*' or '?':
                    break;
                case '+':
                    if (random is not null && random.Next(2) == 0 && builder.Length > 0)
                        builder.Append(builder[^1]);
                    break;
                case '.':
                    builder.Append('x');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}
