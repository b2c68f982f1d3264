namespace Ooda.Sigma.Internal;

/// <summary>
/// Plain string matching without regular expressions: equality, prefix, suffix, substring, or a glob of
/// <c>*</c>-separated segments (each possibly holding <c>?</c>). Needles are lowered once at compile time unless cased.
/// </summary>
internal sealed class StringMatcher : TextMatcher
{
    private readonly Shape _shape;
    private readonly string _needle;
    private readonly string[] _segments;
    private readonly bool _cased;

    internal enum Shape { Equals, Prefix, Suffix, Contains, Any, Glob }

    public StringMatcher(SigmaString value, bool cased)
    {
        _cased = cased;
        var text = cased ? value.Text : value.Text.ToLowerInvariant();
        Pattern = value.ToString();
        _segments = [];
        _needle = string.Empty;
        if (text.Contains(SigmaString.Question, StringComparison.Ordinal))
        {
            _shape = Shape.Glob;
            _segments = text.Split(SigmaString.Star);
            return;
        }

        var parts = text.Split(SigmaString.Star);
        if (parts.Length == 1)
            (_shape, _needle) = (Shape.Equals, text);
        else if (parts.All(p => p.Length == 0))
            _shape = Shape.Any;
        else if (parts.Length == 2 && parts[1].Length == 0)
            (_shape, _needle) = (Shape.Prefix, parts[0]);
        else if (parts.Length == 2 && parts[0].Length == 0)
            (_shape, _needle) = (Shape.Suffix, parts[1]);
        else if (parts.Length == 3 && parts[0].Length == 0 && parts[2].Length == 0)
            (_shape, _needle) = (Shape.Contains, parts[1]);
        else
            (_shape, _segments) = (Shape.Glob, parts);
    }

    /// <summary>The value as the rule wrote it (after modifiers), for display.</summary>
    public string Pattern { get; }

    public Shape Kind => _shape;

    /// <summary>The needle of an equality, prefix, suffix or substring test (lower case unless <see cref="Cased"/>).</summary>
    public string Needle => _needle;

    /// <summary>The <c>*</c>-separated segments of a glob, <see cref="SigmaString.Question"/> marking <c>?</c>.</summary>
    public IReadOnlyList<string> Segments => _segments;

    public bool Cased => _cased;

    public override bool MatchText(string raw, ref string? lower)
    {
        var s = _cased ? raw : Lower(raw, ref lower);
        return _shape switch
        {
            Shape.Equals => string.Equals(s, _needle, StringComparison.Ordinal),
            Shape.Prefix => s.StartsWith(_needle, StringComparison.Ordinal),
            Shape.Suffix => s.EndsWith(_needle, StringComparison.Ordinal),
            Shape.Contains => s.Contains(_needle, StringComparison.Ordinal),
            Shape.Any => true,
            _ => Glob(s, _segments),
        };
    }

    /// <summary>Glob match: first segment anchored at the start, last at the end, middles leftmost-first (exact for fixed-length segments).</summary>
    internal static bool Glob(string s, string[] segments)
    {
        var first = segments[0];
        if (!At(s, 0, first))
            return false;
        if (segments.Length == 1)
            return s.Length == first.Length;
        var last = segments[^1];
        var end = s.Length - last.Length;
        if (end < first.Length || !At(s, end, last))
            return false;
        var position = first.Length;
        for (var i = 1; i < segments.Length - 1; i++)
        {
            var segment = segments[i];
            var found = Find(s, position, end, segment);
            if (found < 0)
                return false;
            position = found + segment.Length;
        }

        return true;
    }

    private static bool At(string s, int start, string segment)
    {
        if (start < 0 || start + segment.Length > s.Length)
            return false;
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (c != SigmaString.Question && c != s[start + i])
                return false;
        }

        return true;
    }

    private static int Find(string s, int start, int end, string segment)
    {
        if (segment.Length == 0)
            return start;
        if (!segment.Contains(SigmaString.Question, StringComparison.Ordinal))
        {
            var index = s.AsSpan(start, Math.Max(0, end - start)).IndexOf(segment, StringComparison.Ordinal);
            return index < 0 ? -1 : start + index;
        }

        for (var i = start; i + segment.Length <= end; i++)
        {
            if (At(s, i, segment))
                return i;
        }

        return -1;
    }
}
