namespace Ooda.Detection.Webshells.Internal;

/// <summary>
/// A known-good path pattern over <see cref="WebPath.Relative"/>: folder names compared case-insensitively, <c>*</c> for
/// any characters within one name, <c>**</c> for any number of folders.
/// </summary>
internal sealed class PathPattern
{
    private readonly string[] _segments;

    public PathPattern(string pattern) =>
        _segments = pattern.Replace('/', '\\').Split('\\', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Deeper paths are never known-good, which also bounds the "**" retries on hostile paths.</summary>
    public const int MaxDepth = 64;

    public bool Matches(string relative)
    {
        var path = relative.Split('\\');
        return path.Length <= MaxDepth && Match(_segments, path);
    }

    private static bool Match(ReadOnlySpan<string> pattern, ReadOnlySpan<string> path)
    {
        while (pattern.Length > 0)
        {
            if (pattern[0] == "**")
            {
                // Paths are short (a few dozen folders), and patterns hold one or two "**": the retry loop stays small.
                for (var skip = 0; skip <= path.Length; skip++)
                {
                    if (Match(pattern[1..], path[skip..]))
                        return true;
                }

                return false;
            }

            if (path.Length == 0 || !Segment(pattern[0], path[0]))
                return false;
            pattern = pattern[1..];
            path = path[1..];
        }

        return path.Length == 0;
    }

    /// <summary>Glob within one folder name: <c>*</c> matches any run of characters.</summary>
    private static bool Segment(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (p < pattern.Length && char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(text[t]))
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }
}
