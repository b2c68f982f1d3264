using System.Globalization;
using System.Text;

namespace Ooda.Detection.Iocs.Internal;

/// <summary>
/// Parses the STIX 2.1 patterning language (§9) far enough to take indicators out of it: the pattern becomes a list of
/// alternatives, each a conjunction of comparisons. Observation operators other than OR (AND, FOLLOWEDBY) and
/// qualifiers (WITHIN, REPEATS, START/STOP) have no indicator equivalent and are refused with a reason.
/// </summary>
internal sealed class StixPatternParser
{
    private const int MaxNesting = 32;
    private const int MaxAlternatives = 1024;

    private readonly string _text;
    private readonly List<Token> _tokens = [];
    private int _at;
    private int _depth;

    private StixPatternParser(string text) => _text = text;

    /// <summary>The pattern's alternatives (OR of AND of comparisons), or the reason it cannot be read.</summary>
    public static List<List<StixComparison>>? Parse(string pattern, out string? error)
    {
        var parser = new StixPatternParser(pattern);
        try
        {
            parser.Tokenize();
            var result = parser.ObservationOr();
            if (parser.Peek.Kind != TokenKind.End)
                throw new FormatException($"unexpected '{parser.Peek.Text}' at offset {parser.Peek.Offset}");
            error = null;
            return result;
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    private Token Peek => _tokens[_at];

    private List<List<StixComparison>> ObservationOr()
    {
        var result = ObservationTerm();
        while (IsWord("OR"))
        {
            _at++;
            result.AddRange(ObservationTerm());
            if (result.Count > MaxAlternatives)
                throw new FormatException($"more than {MaxAlternatives} alternatives");
        }

        if (IsWord("AND") || IsWord("FOLLOWEDBY"))
            throw new FormatException($"observation operator {Peek.Text} joins separate observations; no single indicator expresses it");
        return result;
    }

    private List<List<StixComparison>> ObservationTerm()
    {
        List<List<StixComparison>> result;
        if (Peek.Kind == TokenKind.Symbol && Peek.Text == "[")
        {
            _at++;
            result = Nested(ComparisonOr);
            Expect("]");
        }
        else if (Peek.Kind == TokenKind.Symbol && Peek.Text == "(")
        {
            _at++;
            result = Nested(ObservationOr);
            Expect(")");
        }
        else
        {
            throw new FormatException($"expected '[' at offset {Peek.Offset}, found '{Peek.Text}'");
        }

        if (IsWord("WITHIN") || IsWord("REPEATS") || IsWord("START"))
            throw new FormatException($"qualifier {Peek.Text} restricts when observations count; it has no indicator equivalent");
        return result;
    }

    private List<List<StixComparison>> ComparisonOr()
    {
        var result = ComparisonAnd();
        while (IsWord("OR"))
        {
            _at++;
            result.AddRange(ComparisonAnd());
            if (result.Count > MaxAlternatives)
                throw new FormatException($"more than {MaxAlternatives} alternatives");
        }

        return result;
    }

    private List<List<StixComparison>> ComparisonAnd()
    {
        var result = ComparisonTerm();
        while (IsWord("AND"))
        {
            _at++;
            var right = ComparisonTerm();

            // (a OR b) AND c = (a AND c) OR (b AND c).
            var product = new List<List<StixComparison>>();
            foreach (var l in result)
            {
                foreach (var r in right)
                    product.Add([.. l, .. r]);
            }

            if (product.Count > MaxAlternatives)
                throw new FormatException($"more than {MaxAlternatives} alternatives");
            result = product;
        }

        return result;
    }

    private List<List<StixComparison>> ComparisonTerm()
    {
        if (Peek.Kind == TokenKind.Symbol && Peek.Text == "(")
        {
            _at++;
            var inner = Nested(ComparisonOr);
            Expect(")");
            return inner;
        }

        return [[Comparison()]];
    }

    private StixComparison Comparison()
    {
        var type = Next(TokenKind.Word, "an object type");
        Expect(":");
        var path = new StringBuilder();
        path.Append(NextPathPart());
        while (Peek.Kind == TokenKind.Symbol && Peek.Text is "." or "[")
        {
            if (Peek.Text == ".")
            {
                _at++;
                path.Append('.').Append(NextPathPart());
            }
            else
            {
                _at++;
                var index = Peek.Kind is TokenKind.Number or TokenKind.Symbol && Peek.Text is not "]" ? _tokens[_at++].Text : throw new FormatException($"expected an index at offset {Peek.Offset}");
                Expect("]");
                path.Append('[').Append(index).Append(']');
            }
        }

        var negated = false;
        if (IsWord("NOT"))
        {
            negated = true;
            _at++;
        }

        var op = Peek;
        _at++;
        var name = op.Kind switch
        {
            TokenKind.Symbol when op.Text is "=" or "==" or "!=" or "<" or "<=" or ">" or ">=" => op.Text,
            TokenKind.Word when op.Text is "IN" or "LIKE" or "MATCHES" or "ISSUBSET" or "ISSUPERSET" or "EXISTS" => op.Text,
            _ => throw new FormatException($"expected a comparison operator at offset {op.Offset}, found '{op.Text}'"),
        };
        if (name == "!=")
        {
            negated = !negated;
            name = "=";
        }

        var values = new List<string>();
        if (name == "IN")
        {
            Expect("(");
            values.Add(Literal());
            while (Peek.Kind == TokenKind.Symbol && Peek.Text == ",")
            {
                _at++;
                values.Add(Literal());
            }

            Expect(")");
        }
        else if (name != "EXISTS")
        {
            values.Add(Literal());
        }

        return new StixComparison(type.Text, path.ToString(), name == "==" ? "=" : name, negated, values);
    }

    private string NextPathPart()
    {
        var part = Peek;
        if (part.Kind is TokenKind.Word or TokenKind.String)
        {
            _at++;
            return part.Text;
        }

        throw new FormatException($"expected a property name at offset {part.Offset}, found '{part.Text}'");
    }

    private string Literal()
    {
        var token = Peek;
        _at++;
        return token.Kind switch
        {
            TokenKind.String or TokenKind.Number or TokenKind.TypedString => token.Text,
            TokenKind.Word when token.Text is "true" or "false" => token.Text,
            _ => throw new FormatException($"expected a constant at offset {token.Offset}, found '{token.Text}'"),
        };
    }

    private List<List<StixComparison>> Nested(Func<List<List<StixComparison>>> inner)
    {
        if (++_depth > MaxNesting)
            throw new FormatException($"nested deeper than {MaxNesting}");
        var result = inner();
        _depth--;
        return result;
    }

    private bool IsWord(string word) => Peek.Kind == TokenKind.Word && Peek.Text == word;

    private void Expect(string symbol)
    {
        if (Peek.Kind != TokenKind.Symbol || Peek.Text != symbol)
            throw new FormatException($"expected '{symbol}' at offset {Peek.Offset}, found '{(Peek.Kind == TokenKind.End ? "end of pattern" : Peek.Text)}'");
        _at++;
    }

    private Token Next(TokenKind kind, string what)
    {
        var token = Peek;
        if (token.Kind != kind)
            throw new FormatException($"expected {what} at offset {token.Offset}, found '{token.Text}'");
        _at++;
        return token;
    }

    private void Tokenize()
    {
        var text = _text;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (c == '\'' || (c is 'b' or 'h' or 't' && i + 1 < text.Length && text[i + 1] == '\''))
            {
                var typed = c != '\'';
                i += typed ? 2 : 1;
                var value = new StringBuilder();
                while (true)
                {
                    if (i >= text.Length)
                        throw new FormatException($"string starting at offset {start} does not end");
                    if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '\'' or '\\')
                    {
                        value.Append(text[i + 1]);
                        i += 2;
                        continue;
                    }

                    if (text[i] == '\'')
                    {
                        i++;
                        break;
                    }

                    value.Append(text[i++]);
                }

                _tokens.Add(new Token(typed ? TokenKind.TypedString : TokenKind.String, value.ToString(), start));
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                i++;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                    i++;
                _tokens.Add(new Token(TokenKind.Number, text[start..i], start));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-'))
                    i++;
                _tokens.Add(new Token(TokenKind.Word, text[start..i], start));
            }
            else
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : string.Empty;
                if (two is "!=" or "<=" or ">=" or "==")
                {
                    _tokens.Add(new Token(TokenKind.Symbol, two, start));
                    i += 2;
                }
                else if (c is '[' or ']' or '(' or ')' or ',' or ':' or '.' or '=' or '<' or '>' or '*')
                {
                    _tokens.Add(new Token(TokenKind.Symbol, c.ToString(), start));
                    i++;
                }
                else
                {
                    throw new FormatException($"unexpected character '{c}' at offset {i}");
                }
            }
        }

        _tokens.Add(new Token(TokenKind.End, string.Empty, text.Length));
    }

    private enum TokenKind
    {
        Word,
        String,
        TypedString,
        Number,
        Symbol,
        End,
    }

    private readonly record struct Token(TokenKind Kind, string Text, int Offset);
}
