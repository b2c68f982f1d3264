using System.Text.RegularExpressions;

namespace Ooda.Sigma.Internal;

/// <summary>
/// The condition grammar (Sigma v2.1 §condition), loosest to tightest: <c>or</c> &lt; <c>and</c> &lt; <c>not</c> &lt;
/// <c>x of</c> &lt; parentheses. <c>1 of</c>/<c>all of</c> take an identifier pattern with <c>*</c> or <c>them</c>
/// (identifiers starting with <c>_</c> excluded from <c>them</c>). v1 aggregations (<c>| count()</c>) and <c>near</c> are refused.
/// </summary>
internal sealed class ConditionParser
{
    private readonly List<string> _tokens;
    private readonly IReadOnlyDictionary<string, Node> _identifiers;
    private readonly string _text;
    private int _position;

    private ConditionParser(string text, IReadOnlyDictionary<string, Node> identifiers)
    {
        _text = text;
        _identifiers = identifiers;
        _tokens = Tokenize(text);
    }

    /// <summary>Parses one condition expression over the compiled search identifiers.</summary>
    public static Node Parse(string text, IReadOnlyDictionary<string, Node> identifiers)
    {
        if (text.Contains('|', StringComparison.Ordinal))
            throw new SigmaException(Reasons.Aggregation, $"condition '{text}': v1 aggregation ('| count() ...') was removed in Sigma v2; use a correlation rule");
        var parser = new ConditionParser(text, identifiers);
        if (parser._tokens.Any(t => t.Equals("near", StringComparison.OrdinalIgnoreCase)))
            throw new SigmaException(Reasons.Aggregation, $"condition '{text}': 'near' was removed in Sigma v2; use a temporal correlation rule");
        if (parser._tokens.Count == 0)
            throw new SigmaException(Reasons.ConditionSyntax, "empty condition");
        var node = parser.ParseOr();
        if (parser._position < parser._tokens.Count)
            throw parser.Error($"unexpected '{parser._tokens[parser._position]}'");
        return node;
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not '(' and not ')')
                    i++;
                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }

    private string? Peek => _position < _tokens.Count ? _tokens[_position] : null;

    private bool Accept(string keyword)
    {
        if (Peek is { } token && token.Equals(keyword, StringComparison.OrdinalIgnoreCase))
        {
            _position++;
            return true;
        }

        return false;
    }

    private SigmaException Error(string message) => new(Reasons.ConditionSyntax, $"condition '{_text}': {message}");

    private Node ParseOr()
    {
        var terms = new List<Node> { ParseAnd() };
        while (Accept("or"))
            terms.Add(ParseAnd());
        return terms.Count == 1 ? terms[0] : new OrNode([.. terms]);
    }

    private Node ParseAnd()
    {
        var terms = new List<Node> { ParseNot() };
        while (Accept("and"))
            terms.Add(ParseNot());
        return terms.Count == 1 ? terms[0] : new AndNode([.. terms]);
    }

    private Node ParseNot() => Accept("not") ? new NotNode(ParseNot()) : ParsePrimary();

    private Node ParsePrimary()
    {
        var token = Peek ?? throw Error("ends too early");
        if (token == "(")
        {
            _position++;
            var inner = ParseOr();
            if (!Accept(")"))
                throw Error("missing ')'");
            return inner;
        }

        if (token == ")")
            throw Error("unexpected ')'");
        if (IsKeyword(token))
            throw Error($"unexpected '{token}'");

        if (_position + 1 < _tokens.Count && _tokens[_position + 1].Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            _position += 2;
            var target = Peek ?? throw Error($"'{token} of' needs a pattern or 'them'");
            _position++;
            return Quantified(token, target);
        }

        _position++;
        if (!_identifiers.TryGetValue(token, out var node))
            throw new SigmaException(Reasons.UnknownIdentifier, $"condition '{_text}': no search identifier '{token}'");
        return node;
    }

    private static bool IsKeyword(string token) =>
        token.Equals("and", StringComparison.OrdinalIgnoreCase) || token.Equals("or", StringComparison.OrdinalIgnoreCase)
        || token.Equals("not", StringComparison.OrdinalIgnoreCase) || token.Equals("of", StringComparison.OrdinalIgnoreCase);

    private Node Quantified(string quantifier, string target)
    {
        List<Node> selected;
        if (target.Equals("them", StringComparison.OrdinalIgnoreCase))
        {
            selected = [.. _identifiers.Where(p => !p.Key.StartsWith('_')).Select(p => p.Value)];
        }
        else
        {
            if (target is "(" or ")" || IsKeyword(target))
                throw Error($"'{quantifier} of' needs a pattern or 'them', not '{target}'");
            var pattern = new Regex("^" + Regex.Escape(target).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
            selected = [.. _identifiers.Where(p => pattern.IsMatch(p.Key)).Select(p => p.Value)];
        }

        if (selected.Count == 0)
            throw new SigmaException(Reasons.UnknownIdentifier, $"condition '{_text}': '{quantifier} of {target}' matches no search identifier");
        if (quantifier.Equals("all", StringComparison.OrdinalIgnoreCase))
            return selected.Count == 1 ? selected[0] : new AndNode([.. selected]);
        if (quantifier is "1" || quantifier.Equals("any", StringComparison.OrdinalIgnoreCase))
            return selected.Count == 1 ? selected[0] : new OrNode([.. selected]);
        throw Error($"'{quantifier} of' is not Sigma; use '1 of' or 'all of'");
    }
}
