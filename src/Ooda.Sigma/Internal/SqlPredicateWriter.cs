using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Ooda.Store;

namespace Ooda.Sigma.Internal;

/// <summary>
/// Writes a compiled condition tree as a DuckDB predicate with the tree's exact meaning, in three-valued logic: true and
/// false are SQL's verdict, NULL means "decide in memory". A test SQL cannot decide for every value (an untranslatable
/// regex, a time modifier, a value outside a guard such as a non-ASCII value under a case-insensitive regex) is NULL
/// where it cannot decide; AND, OR and NOT carry NULL exactly as Kleene logic does, so a predicate that is true or false
/// is right whatever the unknown tests would say, and only NULL rows are checked by the in-memory evaluator.
/// An absent field is never unknown: every test says false on it, as the in-memory matchers do.
/// </summary>
internal sealed class SqlPredicateWriter(SqlFieldScope scope, SqlHuntCatalog catalog, Func<string, string?>? regexCheck, Dictionary<(string, System.Text.RegularExpressions.RegexOptions), (string? Re2, SqlValueGuard Guard, string? Reason)> regexCache)
{
    private const int MaxAlternatives = 64;
    private const int MaxSpellings = 16;
    private const int MaxAlternationLength = 8192;
    private const string Decimal = @"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?";
    private const string Octet = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static readonly string _dottedQuad = $@"(?:::[fF][fF][fF][fF]:)?{Octet}\.{Octet}\.{Octet}\.{Octet}";

    /// <summary>Why parts of the tree are left to memory (every event reaching them is decided there).</summary>
    public SortedSet<string> Unknown { get; } = new(StringComparer.Ordinal);

    /// <summary>Which values translated tests leave to memory (the rest SQL decides).</summary>
    public SortedSet<string> Guards { get; } = new(StringComparer.Ordinal);

    public int Leaves { get; private set; }

    public int UnknownLeaves { get; private set; }

    /// <summary>Whether events of a logsource target reach the rule: kinds, channels or providers (as the store spells them), event ids.</summary>
    public static string Accepts(LogsourceTarget target, SqlHuntCatalog catalog)
    {
        var parts = new List<string>();
        if (target.Kinds.Count > 0)
            parts.Add($"source_kind IN ({string.Join(", ", target.Kinds.Select(k => SqlHuntText.Literal(SourceKindNames.Of(k))).Order(StringComparer.Ordinal))})");
        if (target.Channels.Count > 0 || target.Providers.Count > 0)
        {
            var terms = new List<string>();
            if (OneOf("channel", target.Channels, catalog.Channels) is { } channels)
                terms.Add(channels);
            if (OneOf("provider", target.Providers, catalog.Providers) is { } providers)
                terms.Add(providers);
            parts.Add(terms.Count == 0 ? "false" : terms.Count == 1 ? terms[0] : $"({string.Join(" OR ", terms)})");
        }

        if (target.EventIds.Count > 0)
            parts.Add($"coalesce(event_id IN ({string.Join(", ", target.EventIds.Order())}), false)");
        if (parts.Contains("false"))
            return "false";
        return parts.Count == 0 ? "true" : string.Join(" AND ", parts);
    }

    /// <summary>
    /// Whether a column holds one of <paramref name="names"/> without case (as their comparer says), or null when no stored
    /// spelling does: the stored spellings that match, listed exactly, or — when evidence spells them many ways — the
    /// ASCII ones by lower case (OrdinalIgnoreCase and lower() agree on ASCII) and the others listed.
    /// </summary>
    public static string? OneOf(string column, IReadOnlySet<string> names, IReadOnlyList<string> stored)
    {
        var spellings = stored.Where(names.Contains).ToList();
        if (spellings.Count == 0)
            return null;
        if (spellings.Count <= MaxSpellings || !names.All(n => n.All(char.IsAscii)))
            return $"coalesce({column} IN ({string.Join(", ", spellings.Select(SqlHuntText.Literal))}), false)";
        var lowered = names.Select(n => n.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(SqlHuntText.Literal);
        var other = spellings.Where(s => !s.All(char.IsAscii)).Select(SqlHuntText.Literal).ToList();
        var ascii = $"coalesce({Ascii(column)} AND lower({column}) IN ({string.Join(", ", lowered)}), false)";
        return other.Count == 0 ? ascii : $"({ascii} OR coalesce({column} IN ({string.Join(", ", other)}), false))";
    }

    public string Write(Node node) => node switch
    {
        ConstNode c => c.Value ? "true" : "false",
        AndNode a => "(" + string.Join(" AND ", a.Children.Select(Write)) + ")",
        OrNode o => "(" + string.Join(" OR ", o.Children.Select(Write)) + ")",
        NotNode n => "(NOT " + Write(n.Child) + ")",
        FieldNode f => Field(f),
        KeywordNode k => Keywords(k),
        TenantNode t => Tenant(t),
        _ => Other(node),
    };

    private string Other(Node node)
    {
        Leaves++;
        return Leave(node.GetType().Name, "(NULL::BOOLEAN)");
    }

    private string Field(FieldNode node)
    {
        var v = scope.Value(node.Field);
        var tests = new List<string>();
        var matchers = node.Matchers.AsEnumerable();
        if (!node.All)
        {
            // Alternatives on one field: plain string tests merge into one IN list or one RE2 alternation per shape, so a
            // rule with hundreds of values costs DuckDB a handful of expressions, not hundreds.
            var mergeable = node.Matchers.OfType<StringMatcher>().Where(Mergeable).ToHashSet();
            foreach (var group in mergeable.GroupBy(m => m.Cased))
            {
                var subject = group.Key ? v : scope.Lower(node.Field);
                tests.AddRange(Merged([.. group], subject).Select(t => $"({v} IS NOT NULL AND {t})"));
            }

            matchers = matchers.Where(m => m is not StringMatcher s || !mergeable.Contains(s));
        }

        tests.AddRange(matchers.Select(m => Matcher(m, node.Field, v)));
        return tests.Count == 1 ? tests[0] : "(" + string.Join(node.All ? " AND " : " OR ", tests) + ")";
    }

    private static bool Mergeable(StringMatcher matcher) =>
        matcher.Kind is StringMatcher.Shape.Equals or StringMatcher.Shape.Prefix or StringMatcher.Shape.Suffix or StringMatcher.Shape.Contains
        && !SqlHuntText.HasLoneSurrogate(matcher.Needle);

    /// <summary>
    /// Equality, prefix, suffix and substring tests of one subject, OR-ed: an IN list, and per other shape one literal
    /// alternation for RE2 (anchored with \A or \z), which matches code points exactly as the needles are written.
    /// </summary>
    private List<string> Merged(List<StringMatcher> matchers, string subject)
    {
        Leaves += matchers.Count;
        var tests = new List<string>();
        foreach (var shape in matchers.GroupBy(m => m.Kind).OrderBy(g => g.Key))
        {
            var needles = shape.Select(m => m.Needle).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (shape.Key == StringMatcher.Shape.Equals)
            {
                tests.Add(needles.Count == 1 ? $"({subject} = {SqlHuntText.Literal(needles[0])})" : $"({subject} IN ({string.Join(", ", needles.Select(SqlHuntText.Literal))}))");
                continue;
            }

            var function = shape.Key switch
            {
                StringMatcher.Shape.Prefix => "starts_with",
                StringMatcher.Shape.Suffix => "ends_with",
                _ => "contains",
            };
            if (needles.Count <= 2)
            {
                tests.AddRange(needles.Select(n => $"{function}({subject}, {SqlHuntText.Literal(n)})"));
                continue;
            }

            tests.AddRange(Alternations(needles, shape.Key).Select(a => $"regexp_matches({subject}, {SqlHuntText.Literal(a)})"));
        }

        return tests;
    }

    /// <summary>
    /// RE2 patterns (each well inside RE2's memory budget) matching where any needle matches at its shape's anchor.
    /// Every character is written as a literal or <c>\x{…}</c>, so the patterns match exactly the needles' code points.
    /// </summary>
    private static List<string> Alternations(List<string> needles, StringMatcher.Shape shape)
    {
        var patterns = new List<string>();
        var body = new StringBuilder();
        var count = 0;
        void Flush()
        {
            if (count == 0)
                return;
            var group = "(?:" + body + ")";
            patterns.Add(shape switch
            {
                StringMatcher.Shape.Prefix => "\\A" + group,
                StringMatcher.Shape.Suffix => group + "\\z",
                _ => group,
            });
            body.Clear();
            count = 0;
        }

        foreach (var needle in needles)
        {
            if (count > 0)
                body.Append('|');
            foreach (var rune in needle.EnumerateRunes())
            {
                if (rune.IsAscii && char.IsAsciiLetterOrDigit((char)rune.Value))
                    body.Append((char)rune.Value);
                else
                    body.Append(CultureInfo.InvariantCulture, $"\\x{{{rune.Value:X}}}");
            }

            if (++count == MaxAlternatives || body.Length > MaxAlternationLength)
                Flush();
        }

        Flush();
        return patterns;
    }

    private string Matcher(ValueMatcher matcher, string field, string v)
    {
        switch (matcher)
        {
            case ExistsMatcher exists:
                Leaves++;
                return exists.Expected ? $"({v} IS NOT NULL)" : $"({v} IS NULL)";
            case NullMatcher:
                Leaves++;
                return $"({v} IS NULL)";
            case NotMatcher not:
                return $"({v} IS NOT NULL AND NOT {Matcher(not.Inner, field, v)})";
            case FieldRefMatcher fieldRef:
                return FieldRef(fieldRef, v);
            case TextMatcher text:
                // The in-memory test runs only on a present value; an absent one is false, never unknown.
                return $"({v} IS NOT NULL AND {Text(text, v, () => scope.Lower(field))})";
            default:
                Leaves++;
                return Leave(matcher.GetType().Name, $"CASE WHEN {v} IS NULL THEN false END");
        }
    }

    private string FieldRef(FieldRefMatcher matcher, string v)
    {
        Leaves++;
        var other = scope.Value(matcher.OtherField);
        if (matcher.Cased)
            return $"({v} IS NOT NULL AND {other} IS NOT NULL AND {v} = {other})";
        // OrdinalIgnoreCase agrees with lower() on ASCII text only; other unequal pairs are decided in memory.
        Guards.Add("fieldref: non-ASCII values that differ are decided in memory");
        return $"({v} IS NOT NULL AND {other} IS NOT NULL AND CASE WHEN {v} = {other} THEN true "
            + $"WHEN {Ascii(v)} AND {Ascii(other)} THEN lower({v}) = lower({other}) END)";
    }

    /// <summary>A test of one present value <paramref name="x"/>; <paramref name="lower"/> gives its lower-case column.</summary>
    private string Text(TextMatcher matcher, string x, Func<string> lower)
    {
        Leaves++;
        switch (matcher)
        {
            case StringMatcher s:
                return String(s, x, s.Cased || s.Kind == StringMatcher.Shape.Any ? x : lower());
            case RegexMatcher r:
                return Regex(r, x);
            case CidrMatcher c:
                return Cidr(c, x);
            case NumericMatcher n:
                return Numeric(n, x);
            case TimePartMatcher:
                return Leave("time modifiers (minute, hour, day, week, month, year) parse dates the .NET way", "NULL::BOOLEAN");
            default:
                return Leave(matcher.GetType().Name, "NULL::BOOLEAN");
        }
    }

    private string String(StringMatcher matcher, string raw, string subject)
    {
        if (matcher.Kind == StringMatcher.Shape.Any)
            return "true";
        if (SqlHuntText.HasLoneSurrogate(matcher.Needle) || matcher.Segments.Any(SqlHuntText.HasLoneSurrogate))
            return Leave("a value holds an unpaired surrogate", "NULL::BOOLEAN");
        var needle = SqlHuntText.Literal(matcher.Needle);
        switch (matcher.Kind)
        {
            case StringMatcher.Shape.Equals:
                return $"({subject} = {needle})";
            case StringMatcher.Shape.Prefix:
                return $"starts_with({subject}, {needle})";
            case StringMatcher.Shape.Suffix:
                return $"ends_with({subject}, {needle})";
            case StringMatcher.Shape.Contains:
                return $"contains({subject}, {needle})";
        }

        var pattern = new StringBuilder();
        var question = false;
        for (var i = 0; i < matcher.Segments.Count; i++)
        {
            if (i > 0)
                pattern.Append('%');
            foreach (var c in matcher.Segments[i])
            {
                switch (c)
                {
                    case SigmaString.Question:
                        question = true;
                        pattern.Append('_');
                        break;
                    case '%' or '_' or '\\':
                        pattern.Append('\\').Append(c);
                        break;
                    default:
                        pattern.Append(c);
                        break;
                }
            }
        }

        var like = $"({subject} LIKE {SqlHuntText.Literal(pattern.ToString())} ESCAPE '\\')";
        if (!question)
            return like;
        // '?' is one UTF-16 unit in .NET but one code point in DuckDB: they agree unless the value leaves the BMP.
        Guards.Add("'?' wildcard: values with characters beyond U+FFFF are decided in memory");
        return $"CASE WHEN {SqlGuards.Sql(SqlValueGuard.Bmp, raw)} THEN {like} END";
    }

    private string Regex(RegexMatcher matcher, string x)
    {
        var key = (matcher.Pattern, matcher.Options);
        if (!regexCache.TryGetValue(key, out var translated))
        {
            if (SqlRegex.TryTranslate(matcher.Pattern, matcher.Options, out var re2, out var guard, out var reason))
            {
                var error = regexCheck?.Invoke(re2);
                translated = error is null ? (re2, guard, null) : (null, guard, "RE2 refuses it: " + error);
            }
            else
            {
                translated = (null, SqlValueGuard.None, reason);
            }

            regexCache[key] = translated;
        }

        if (translated.Re2 is null)
            return Leave($"re '{Clip(matcher.Pattern)}': {translated.Reason}", "NULL::BOOLEAN");
        var test = $"regexp_matches({x}, {SqlHuntText.Literal(translated.Re2)})";
        if (translated.Guard == SqlValueGuard.None)
            return test;
        if ((translated.Guard & SqlValueGuard.Ascii) != 0)
            Guards.Add("re: non-ASCII values are decided in memory (\\w under case folding)");
        if ((translated.Guard & SqlValueGuard.Bmp) != 0)
            Guards.Add("re: values with characters beyond U+FFFF are decided in memory ('.', negated classes)");
        if ((translated.Guard & SqlValueGuard.CaseFolding) != 0)
            Guards.Add("re: values with characters the engines case-fold differently (e.g. U+212A, U+0130) are decided in memory");
        if ((translated.Guard & SqlValueGuard.AsciiWords) != 0)
            Guards.Add("re: values with non-ASCII word characters are decided in memory (\\b)");
        if ((translated.Guard & SqlValueGuard.NoFinalNewline) != 0)
            Guards.Add("re: values ending in a newline are decided in memory ('$')");
        return $"CASE WHEN {SqlGuards.Sql(translated.Guard, x)} THEN {test} END";
    }

    private string Cidr(CidrMatcher matcher, string x)
    {
        Guards.Add("cidr: values that are not plain dotted IPv4 addresses are decided in memory");
        var quad = SqlHuntText.Literal(_dottedQuad);
        var network = matcher.Network;
        if (network.BaseAddress.AddressFamily != AddressFamily.InterNetwork)
        {
            // .NET never puts an IPv4 address inside an IPv6 network.
            return $"CASE WHEN regexp_full_match({x}, {quad}) THEN false END";
        }

        var bytes = network.BaseAddress.GetAddressBytes();
        var low = ((long)bytes[0] << 24) | ((long)bytes[1] << 16) | ((long)bytes[2] << 8) | bytes[3];
        var high = low + (1L << (32 - network.PrefixLength)) - 1;
        var number = $"list_reduce(list_transform(string_split(regexp_replace({x}, '^::[fF][fF][fF][fF]:', ''), '.'), o -> o::BIGINT), (a, o) -> a * 256 + o)";
        // An IPv6 spelling without "ffff" cannot be IPv4-mapped, so no IPv4 network contains it.
        return $"CASE WHEN regexp_full_match({x}, {quad}) THEN {number} BETWEEN {low} AND {high} "
            + $"WHEN contains({x}, ':') AND NOT contains({x}, '.') AND NOT contains(lower({x}), 'ffff') THEN false END";
    }

    private string Numeric(NumericMatcher matcher, string x)
    {
        if (double.IsNaN(matcher.Bound))
            return Leave("a NaN bound compares differently in DuckDB", "NULL::BOOLEAN");
        Guards.Add("lt/lte/gt/gte: values that are not plain decimal numbers are decided in memory");
        var op = matcher.Operator switch
        {
            NumericOperator.Lt => "<",
            NumericOperator.Lte => "<=",
            NumericOperator.Gt => ">",
            _ => ">=",
        };
        var bound = SqlHuntText.Literal(matcher.Bound.ToString("R", CultureInfo.InvariantCulture));
        return $"CASE WHEN regexp_full_match({x}, {SqlHuntText.Literal(Decimal)}) THEN TRY_CAST({x} AS DOUBLE) {op} CAST({bound} AS DOUBLE) END";
    }

    private string Keywords(KeywordNode node)
    {
        var tests = new List<string>();
        var matchers = node.Matchers.AsEnumerable();
        if (!node.All)
        {
            var mergeable = node.Matchers.OfType<StringMatcher>().Where(Mergeable).ToHashSet();
            foreach (var group in mergeable.GroupBy(m => m.Cased))
            {
                var (list, element) = group.Key ? (scope.KeywordValues(), "x") : (scope.KeywordLowered(), "y");
                tests.AddRange(Merged([.. group], element).Select(t => AnyValue(list, element, t)));
            }

            matchers = matchers.Where(m => m is not StringMatcher s || !mergeable.Contains(s));
        }

        foreach (var matcher in matchers)
        {
            var lowered = matcher is StringMatcher { Cased: false, Kind: not StringMatcher.Shape.Any };
            var (list, element) = lowered ? (scope.KeywordLowered(), "y") : (scope.KeywordValues(), "x");
            tests.Add(AnyValue(list, element, Text(matcher, element, () => element)));
        }

        return tests.Count == 1 ? tests[0] : "(" + string.Join(node.All ? " AND " : " OR ", tests) + ")";
    }

    /// <summary>Kleene OR of a test over every value of the event: any true is true, else any unknown is unknown, else false.</summary>
    private static string AnyValue(string list, string element, string test) =>
        $"CASE list_max(list_transform({list}, {element} -> CASE {test} WHEN true THEN 2 WHEN false THEN 0 ELSE 1 END)) "
        + "WHEN 2 THEN true WHEN 1 THEN NULL ELSE false END";

    private string Tenant(TenantNode node)
    {
        Leaves++;
        return OneOf("tenant", node.Tenants, catalog.Tenants) ?? "false";
    }

    private string Leave(string reason, string sql)
    {
        UnknownLeaves++;
        Unknown.Add(reason);
        return sql;
    }

    private static string Ascii(string x) => $"strlen({x}) = length({x})";

    private static string Clip(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
