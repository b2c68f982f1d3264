using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ooda.Sigma.Internal;

/// <summary>
/// Translates a .NET regular expression (as the <c>re</c> modifier compiled it) into RE2 syntax for DuckDB's
/// <c>regexp_matches</c>, for a yes/no search. Only constructs both engines read the same way pass; every literal is
/// re-emitted as <c>\x{…}</c>, so no syntax difference can leak through. Lookarounds, backreferences, atomic groups,
/// conditionals, Unicode categories, class subtraction and <c>x</c> mode are refused with the reason. Constructs whose
/// meaning depends on the value (Unicode classes, case folding, <c>.</c> over surrogate pairs, <c>$</c> before a final
/// newline) translate with a <see cref="SqlValueGuard"/>: values outside it are decided in memory.
/// </summary>
internal sealed class SqlRegex
{
    private const int MaxRepeat = 1000; // RE2's limit on a counted repetition

    private readonly string _p;
    private readonly StringBuilder _out = new();
    private readonly bool _ignoreCase;
    private int _i;
    private SqlValueGuard _guard;

    private SqlRegex(string pattern, bool ignoreCase)
    {
        _p = pattern;
        _ignoreCase = ignoreCase;
    }

    /// <summary>Translates <paramref name="pattern"/>; on refusal returns false with the reason.</summary>
    public static bool TryTranslate(string pattern, RegexOptions options, out string re2, out SqlValueGuard guard, out string reason)
    {
        re2 = string.Empty;
        guard = SqlValueGuard.None;
        reason = string.Empty;
        if ((options & ~(RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.NonBacktracking)) != 0)
        {
            reason = $"regex options {options} have no RE2 equivalent";
            return false;
        }

        // Any case-insensitive part guards the whole test: the engines fold a few non-ASCII characters differently.
        var ignoreCase = (options & RegexOptions.IgnoreCase) != 0 || InlineIgnoreCase(pattern);
        var translator = new SqlRegex(pattern, ignoreCase);
        if (ignoreCase)
            translator._guard |= SqlValueGuard.CaseFolding;
        if ((options & RegexOptions.IgnoreCase) != 0)
            translator._out.Append("(?i)");
        if ((options & RegexOptions.Multiline) != 0)
            translator._out.Append("(?m)");
        if ((options & RegexOptions.Singleline) != 0)
            translator._out.Append("(?s)");
        try
        {
            translator.Alternation(topLevel: true);
        }
        catch (RefusedException e)
        {
            reason = e.Message;
            return false;
        }

        re2 = translator._out.ToString();
        guard = translator._guard;
        return true;
    }

    private sealed class RefusedException(string message) : Exception(message);

    private static bool InlineIgnoreCase(string pattern)
    {
        // Conservative: any "(?" followed by option letters that include i (before '-' or ':' or ')').
        for (var i = pattern.IndexOf("(?", StringComparison.Ordinal); i >= 0; i = pattern.IndexOf("(?", i + 2, StringComparison.Ordinal))
        {
            for (var j = i + 2; j < pattern.Length && pattern[j] is 'i' or 'm' or 'n' or 's' or 'x'; j++)
            {
                if (pattern[j] == 'i')
                    return true;
            }
        }

        return false;
    }

    private static RefusedException Refuse(string why) => new(why);

    private bool More => _i < _p.Length;

    private char Peek => _p[_i];

    private void Alternation(bool topLevel)
    {
        Sequence();
        while (More && Peek == '|')
        {
            _i++;
            _out.Append('|');
            Sequence();
        }

        if (topLevel && More)
            throw Refuse($"unexpected '{_p[_i]}' at {_i}");
    }

    private void Sequence()
    {
        while (More && Peek is not '|' and not ')')
        {
            var quantifiable = Atom();
            Quantifier(quantifiable);
        }
    }

    /// <summary>Emits one atom; returns whether a quantifier may follow it.</summary>
    private bool Atom()
    {
        var c = _p[_i++];
        switch (c)
        {
            case '(':
                return Group();
            case '[':
                Class();
                return true;
            case '\\':
                return Escape();
            case '.':
                _guard |= SqlValueGuard.Bmp;
                _out.Append('.');
                return true;
            case '^':
                _out.Append('^');
                return false;
            case '$':
                _guard |= SqlValueGuard.NoFinalNewline;
                _out.Append('$');
                return false;
            case '*' or '+' or '?':
                throw Refuse($"quantifier '{c}' at {_i - 1} follows nothing");
            case '{' when IsQuantifierAt(_i - 1):
                throw Refuse($"quantifier at {_i - 1} follows nothing");
            default:
                Literal(c);
                return true;
        }
    }

    private bool Group()
    {
        if (More && Peek == '?')
        {
            _i++;
            if (!More)
                throw Refuse("unterminated group");
            var k = Peek;
            switch (k)
            {
                case ':':
                    _i++;
                    _out.Append("(?:");
                    break;
                case '=' or '!':
                    throw Refuse("lookahead (?= / (?! has no RE2 equivalent");
                case '>':
                    throw Refuse("atomic group (?> has no RE2 equivalent");
                case '(':
                    throw Refuse("conditional (?( has no RE2 equivalent");
                case '#':
                    var end = _p.IndexOf(')', _i);
                    if (end < 0)
                        throw Refuse("unterminated comment");
                    _i = end + 1;
                    return false;
                case '<' when _i + 1 < _p.Length && _p[_i + 1] is '=' or '!':
                    throw Refuse("lookbehind (?<= / (?<! has no RE2 equivalent");
                case '<' or '\'':
                    GroupName(k == '<' ? '>' : '\'');
                    _out.Append("(?:");
                    break;
                case 'P':
                    throw Refuse("(?P…) is not .NET syntax");
                default:
                    if (InlineOptions())
                        return false;
                    break;
            }
        }
        else
        {
            _out.Append("(?:");
        }

        Alternation(topLevel: false);
        if (!More || Peek != ')')
            throw Refuse("unterminated group");
        _i++;
        _out.Append(')');
        return true;
    }

    private void GroupName(char close)
    {
        _i++;
        var start = _i;
        while (More && (char.IsAsciiLetterOrDigit(Peek) || Peek == '_'))
            _i++;
        if (!More || Peek != close || _i == start)
            throw Refuse("balancing or malformed group name");
        _i++;
    }

    /// <summary>Reads <c>(?imnsx-imnsx)</c> or <c>(?imnsx-imnsx:</c>; returns true for the unscoped form (nothing to close).</summary>
    private bool InlineOptions()
    {
        var flags = new StringBuilder();
        while (More && Peek is 'i' or 'm' or 'n' or 's' or 'x' or '-')
        {
            var f = _p[_i++];
            if (f == 'x')
                throw Refuse("x (ignore pattern whitespace) mode is not translated");
            if (f != 'n')
                flags.Append(f);
        }

        var text = flags.ToString().TrimEnd('-');
        if (text == "-")
            text = string.Empty;
        if (!More)
            throw Refuse("unterminated group");
        if (Peek == ')')
        {
            _i++;
            if (text.Length > 0)
                _out.Append("(?").Append(text).Append(')');
            return true;
        }

        if (Peek != ':')
            throw Refuse($"unknown group construct at {_i}");
        _i++;
        _out.Append("(?").Append(text).Append(':');
        return false;
    }

    private void Quantifier(bool quantifiable)
    {
        if (!More)
            return;
        var c = Peek;
        string? text = null;
        if (c is '*' or '+' or '?')
        {
            _i++;
            text = c.ToString();
        }
        else if (c == '{' && IsQuantifierAt(_i))
        {
            var close = _p.IndexOf('}', _i);
            var body = _p[(_i + 1)..close];
            foreach (var n in body.Split(','))
            {
                if (n.Length > 0 && (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > MaxRepeat))
                    throw Refuse($"repetition {{{body}}} exceeds RE2's limit of {MaxRepeat}");
            }

            _i = close + 1;
            text = "{" + body + "}";
        }

        if (text is null)
            return;
        if (!quantifiable)
            throw Refuse($"quantifier after an anchor or empty group at {_i - 1}");
        // Lazy and greedy repetitions find the same matches for a yes/no search.
        if (More && Peek == '?')
            _i++;
        _out.Append(text);
        if (More && (Peek is '*' or '+' or '?' || (Peek == '{' && IsQuantifierAt(_i))))
            throw Refuse($"nested quantifier at {_i}");
    }

    private bool IsQuantifierAt(int at)
    {
        var close = _p.IndexOf('}', at);
        if (close < 0)
            return false;
        var body = _p.AsSpan(at + 1, close - at - 1);
        var comma = body.IndexOf(',');
        var low = comma < 0 ? body : body[..comma];
        var high = comma < 0 ? [] : body[(comma + 1)..];
        return low.Length > 0 && IsDigits(low) && (high.Length == 0 || IsDigits(high));
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }

        return true;
    }

    /// <summary>An escape outside a class; returns whether a quantifier may follow.</summary>
    private bool Escape()
    {
        if (!More)
            throw Refuse("pattern ends with a backslash");
        var c = _p[_i++];
        switch (c)
        {
            case 'd' or 'D' or 'w' or 'W' or 's' or 'S':
                EmitRanges([.. ClassEscape(c)], negated: char.IsUpper(c));
                return true;
            case 'b' or 'B':
                // RE2's \b knows ASCII words only: exact while the value holds no other word character.
                _guard |= SqlValueGuard.AsciiWords;
                _out.Append('\\').Append(c);
                return false;
            case 'A':
                _out.Append("\\A");
                return false;
            case 'z':
                _out.Append("\\z");
                return false;
            case 'Z':
                _guard |= SqlValueGuard.NoFinalNewline;
                _out.Append("\\z");
                return false;
            case 'G':
                throw Refuse("\\G has no RE2 equivalent");
            case 'p' or 'P':
                throw Refuse("Unicode categories \\p{…} are not translated");
            case 'k':
                throw Refuse("backreference \\k has no RE2 equivalent");
            case >= '1' and <= '9':
                throw Refuse("backreference \\" + c + " has no RE2 equivalent");
            default:
                Literal(EscapedChar(c));
                return true;
        }
    }

    /// <summary>The character a single-character escape stands for (shared by classes); refuses unknown letter escapes.</summary>
    private int EscapedChar(char c)
    {
        switch (c)
        {
            case 't': return '\t';
            case 'n': return '\n';
            case 'r': return '\r';
            case 'f': return '\f';
            case 'v': return '\v';
            case 'a': return '\a';
            case 'e': return 0x1B;
            case 'x': return Hex(2);
            case 'u': return Hex(4);
            case 'c':
                if (!More || !char.IsAsciiLetter(Peek))
                    throw Refuse("malformed \\c escape");
                return _p[_i++] & 0x1F;
            case '0':
                var value = 0;
                for (var n = 0; n < 2 && More && Peek is >= '0' and <= '7'; n++)
                    value = (value * 8) + (_p[_i++] - '0');
                return value;
            default:
                if (char.IsAsciiLetterOrDigit(c))
                    throw Refuse($"escape \\{c} is not translated");
                return c;
        }
    }

    private int Hex(int digits)
    {
        if (_i + digits > _p.Length || !int.TryParse(_p.AsSpan(_i, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            throw Refuse("malformed hex escape");
        _i += digits;
        return value;
    }

    private void Literal(int c)
    {
        if (c is >= 0xD800 and <= 0xDFFF)
            throw Refuse("surrogate characters in a pattern are matched per UTF-16 unit by .NET");
        if (_ignoreCase && c > 0x7F)
            throw Refuse("a non-ASCII character under case-insensitive matching folds differently in RE2");
        SqlGuards.Char(_out, c);
    }


    private void Class()
    {
        var negated = false;
        if (More && Peek == '^')
        {
            negated = true;
            _i++;
        }

        var ranges = new List<(int Lo, int Hi)>();
        var first = true;
        while (true)
        {
            if (!More)
                throw Refuse("unterminated character class");
            var c = _p[_i];
            if (c == ']' && !first)
            {
                _i++;
                break;
            }

            first = false;
            if (c == '-' && _i + 1 < _p.Length && _p[_i + 1] == '[')
                throw Refuse("character class subtraction has no RE2 equivalent");
            var lo = ClassChar(ranges);
            if (lo < 0)
                continue;
            if (More && Peek == '-' && _i + 1 < _p.Length && _p[_i + 1] != ']')
            {
                _i++;
                if (Peek == '[')
                    throw Refuse("character class subtraction has no RE2 equivalent");
                var hi = ClassChar(ranges);
                if (hi < 0 || hi < lo)
                    throw Refuse("malformed class range");
                ranges.Add(Member(lo, hi));
            }
            else
            {
                ranges.Add(Member(lo, lo));
            }
        }

        foreach (var (lo, hi) in ranges)
        {
            if (lo <= 0xDFFF && hi >= 0xD800)
                _guard |= SqlValueGuard.Bmp;
        }

        EmitRanges(ranges, negated);
    }

    private (int Lo, int Hi) Member(int lo, int hi)
    {
        if (_ignoreCase && hi > 0x7F)
            throw Refuse("a non-ASCII class member under case-insensitive matching folds differently in RE2");
        return (lo, hi);
    }

    /// <summary>One class member: a character (returned), or a class escape whose ranges are added (returns -1).</summary>
    private int ClassChar(List<(int Lo, int Hi)> ranges)
    {
        var c = _p[_i++];
        if (c != '\\')
        {
            if (char.IsSurrogate(c))
                throw Refuse("surrogate characters in a pattern are matched per UTF-16 unit by .NET");
            return c;
        }

        if (!More)
            throw Refuse("unterminated character class");
        var e = _p[_i++];
        if (e is 'd' or 'D' or 'w' or 'W' or 's' or 'S')
        {
            var set = ClassEscape(e);
            if (char.IsUpper(e))
            {
                _guard |= SqlValueGuard.Bmp;
                ranges.AddRange(SqlGuards.Complement(set));
            }
            else
            {
                ranges.AddRange(set);
            }

            return -1;
        }

        return e switch
        {
            'b' => '\b',
            'p' or 'P' => throw Refuse("Unicode categories \\p{…} are not translated"),
            _ => EscapedChar(e),
        };
    }

    /// <summary>
    /// .NET's own members of <c>\d</c>, <c>\w</c> or <c>\s</c>. Under case-insensitive matching RE2 would also fold
    /// the non-ASCII word characters, so <c>\w</c> there is exact only on ASCII values.
    /// </summary>
    private (int Lo, int Hi)[] ClassEscape(char c)
    {
        // Digits and white space have no case variants; word characters and complements do.
        if (_ignoreCase && (c is 'w' || char.IsUpper(c)))
            _guard |= SqlValueGuard.Ascii;
        return char.ToLowerInvariant(c) switch
        {
            'd' => SqlGuards.Digit,
            'w' => SqlGuards.Word,
            _ => SqlGuards.Space,
        };
    }

    private void EmitRanges(List<(int Lo, int Hi)> ranges, bool negated)
    {
        // A negated set matches one UTF-16 unit in .NET, possibly half a surrogate pair.
        if (negated)
            _guard |= SqlValueGuard.Bmp;
        _out.Append(SqlGuards.Class(SqlGuards.Merge(ranges), negated));
    }
}
