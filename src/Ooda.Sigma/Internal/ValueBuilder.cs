using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Ooda.Sigma.Internal;

/// <summary>
/// Turns <c>field|mod1|mod2: values</c> into matchers, applying the value modifiers left to right
/// (Sigma v2.1, modifiers appendix). Anything the spec forbids or we cannot honour throws a <see cref="SigmaException"/>.
/// </summary>
internal static partial class ValueBuilder
{
    private const int MaxExpansions = 4096;
    private static readonly TimeSpan _regexTimeout = TimeSpan.FromMilliseconds(250);
    private static readonly string[] _dashes = ["-", "/", "\u2013", "\u2014", "\u2015"];

    private static readonly HashSet<string> _known = new(StringComparer.Ordinal)
    {
        "contains", "startswith", "endswith", "all", "exists", "cased", "neq", "windash", "re", "i", "m", "s",
        "base64", "base64offset", "utf16le", "wide", "utf16be", "utf16", "lt", "lte", "gt", "gte",
        "minute", "hour", "day", "week", "month", "year", "cidr", "expand", "fieldref",
    };

    /// <summary>The parsed modifier chain of one key.</summary>
    internal sealed record Chain(string Field, IReadOnlyList<string> Modifiers)
    {
        public bool Has(string modifier) => Modifiers.Contains(modifier);
    }

    public static Chain ParseKey(string key)
    {
        var parts = key.Split('|');
        var modifiers = new List<string>(parts.Length - 1);
        for (var i = 1; i < parts.Length; i++)
        {
            var modifier = parts[i];
            if (!_known.Contains(modifier))
                throw new SigmaException(Reasons.UnknownModifier, $"'{key}': unknown modifier '{modifier}'");
            modifiers.Add(modifier);
        }

        return new Chain(parts[0], modifiers);
    }

    /// <summary>Builds the matchers for a field entry; <paramref name="all"/> says whether they are AND-ed.</summary>
    public static ValueMatcher[] Build(Chain chain, IReadOnlyList<object?> values, SigmaCompileOptions options, FieldTable table, out bool all)
    {
        var key = chain.Field + string.Concat(chain.Modifiers.Select(m => "|" + m));
        all = chain.Has("all");
        if (all && values.Count < 2)
            throw new SigmaException(Reasons.ModifierValue, $"'{key}': 'all' needs a list of values");
        var neq = chain.Has("neq");
        if (neq)
            all = true;
        var matchers = new List<ValueMatcher>();
        foreach (var value in values)
        {
            foreach (var matcher in BuildOne(chain, key, value, options, table))
                matchers.Add(neq ? new NotMatcher(matcher) : matcher);
        }

        if (matchers.Count == 0)
            throw new SigmaException(Reasons.ModifierValue, $"'{key}': empty value list");
        return [.. matchers];
    }

    private static IEnumerable<ValueMatcher> BuildOne(Chain chain, string key, object? value, SigmaCompileOptions options, FieldTable table)
    {
        var mods = chain.Modifiers;
        if (value is null)
        {
            if (mods.Any(m => m is not ("all" or "neq")))
                throw new SigmaException(Reasons.ModifierValue, $"'{key}': null value with modifiers");
            return [NullMatcher.Instance];
        }

        if (value is not YamlScalar scalar)
            throw new SigmaException(Reasons.Structure, $"'{key}': a value must be a scalar, not a {(value is List<object?> ? "list inside a list" : "map")}");
        var cased = chain.Has("cased");

        if (chain.Has("exists"))
        {
            if (!scalar.IsBool(out var expected))
                throw new SigmaException(Reasons.ModifierValue, $"'{key}': exists needs true or false, not '{scalar.Text}'");
            return [new ExistsMatcher(expected)];
        }

        if (chain.Has("re"))
            return [Regex(key, mods, scalar.Text)];
        foreach (var flag in new[] { "i", "m", "s" })
        {
            if (chain.Has(flag))
                throw new SigmaException(Reasons.ModifierValue, $"'{key}': '{flag}' is only valid after 're'");
        }

        if (chain.Has("cidr"))
        {
            if (!IPNetwork.TryParse(scalar.Text.Trim(), out var network))
                throw new SigmaException(Reasons.ModifierValue, $"'{key}': '{scalar.Text}' is not a CIDR network");
            return [new CidrMatcher(network)];
        }

        if (chain.Has("fieldref"))
        {
            var other = scalar.Text;
            return [new FieldRefMatcher(other, table.Intern(other), cased)];
        }

        foreach (var (name, op) in new[] { ("lt", NumericOperator.Lt), ("lte", NumericOperator.Lte), ("gt", NumericOperator.Gt), ("gte", NumericOperator.Gte) })
        {
            if (!chain.Has(name))
                continue;
            if (!NumericMatcher.TryParse(scalar.Text, out var bound))
                throw new SigmaException(Reasons.ModifierValue, $"'{key}': '{scalar.Text}' is not a number");
            return [new NumericMatcher(op, bound)];
        }

        foreach (var (name, part) in new[] { ("minute", TimePart.Minute), ("hour", TimePart.Hour), ("day", TimePart.Day), ("week", TimePart.Week), ("month", TimePart.Month), ("year", TimePart.Year) })
        {
            if (!chain.Has(name))
                continue;
            if (!int.TryParse(scalar.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                throw new SigmaException(Reasons.ModifierValue, $"'{key}': '{scalar.Text}' is not a whole number");
            return [new TimePartMatcher(part, number)];
        }

        // String transformations, left to right.
        var strings = new List<SigmaString> { SigmaString.Parse(scalar.Text) };
        foreach (var modifier in mods)
        {
            strings = modifier switch
            {
                "contains" => [.. strings.Select(s => Wrap(s, true, true))],
                "startswith" => [.. strings.Select(s => Wrap(s, false, true))],
                "endswith" => [.. strings.Select(s => Wrap(s, true, false))],
                "windash" => [.. strings.SelectMany(WindowsDash)],
                "expand" => [.. strings.SelectMany(s => Expand(key, s, options))],
                "utf16le" or "wide" => [.. strings.Select(s => Encode(key, s, Encoding.Unicode, false))],
                "utf16be" => [.. strings.Select(s => Encode(key, s, Encoding.BigEndianUnicode, false))],
                "utf16" => [.. strings.Select(s => Encode(key, s, Encoding.Unicode, true))],
                "base64" => [.. strings.Select(s => new SigmaString(Convert.ToBase64String(Bytes(key, s))))],
                "base64offset" => [.. strings.SelectMany(s => Base64Offsets(Bytes(key, s)))],
                _ => strings,
            };
            if (strings.Count > MaxExpansions)
                throw new SigmaException(Reasons.ModifierValue, $"'{key}': more than {MaxExpansions} values after expansion");
        }

        return strings.Select(s => (ValueMatcher)new StringMatcher(s, cased));
    }

    private static SigmaString Wrap(SigmaString s, bool before, bool after)
    {
        var text = s.Text;
        if (before && !text.StartsWith(SigmaString.Star))
            text = SigmaString.Star + text;
        if (after && !text.EndsWith(SigmaString.Star))
            text += SigmaString.Star;
        return s with { Text = text };
    }

    /// <summary><c>windash</c>: every combination of dash characters for each <c>-</c> or <c>/</c> that starts an option (pySigma's <c>\B[-/]\b</c>).</summary>
    private static IEnumerable<SigmaString> WindowsDash(SigmaString s)
    {
        var matches = DashPattern().Matches(s.Text);
        if (matches.Count == 0)
            return [s];
        IEnumerable<string> results = [string.Empty];
        var position = 0;
        foreach (Match match in matches)
        {
            var literal = s.Text[position..match.Index];
            results = results.SelectMany(prefix => _dashes.Select(d => prefix + literal + d));
            position = match.Index + 1;
        }

        var tail = s.Text[position..];
        return results.Select(r => s with { Text = r + tail });
    }

    private static IEnumerable<SigmaString> Expand(string key, SigmaString s, SigmaCompileOptions options)
    {
        var match = PlaceholderPattern().Match(s.Text);
        if (!match.Success)
            return [s];
        var name = match.Groups[1].Value;
        if (!options.Placeholders.TryGetValue(name, out var values) || values.Count == 0)
            throw new SigmaException(Reasons.Placeholder, $"'{key}': placeholder %{name}% has no configured values");
        var before = s.Text[..match.Index];
        var after = s.Text[(match.Index + match.Length)..];
        return values.SelectMany(v => Expand(key, s with { Text = before + SigmaString.Parse(v).Text + after }, options));
    }

    private static SigmaString Encode(string key, SigmaString s, Encoding encoding, bool bom)
    {
        var text = s.Plain ?? throw new SigmaException(Reasons.ModifierValue, $"'{key}': cannot UTF-16 encode a value with wildcards");
        var bytes = encoding.GetBytes(text);
        if (bom)
            bytes = [.. encoding.GetPreamble(), .. bytes];
        return new SigmaString(Latin1(bytes), IsBytes: true);
    }

    private static byte[] Bytes(string key, SigmaString s)
    {
        var text = s.Plain ?? throw new SigmaException(Reasons.ModifierValue, $"'{key}': cannot base64 encode a value with wildcards");
        return s.IsBytes ? Encoding.Latin1.GetBytes(text) : Encoding.UTF8.GetBytes(text);
    }

    private static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary><c>base64offset</c>: the three encodings of the value at each offset inside a longer base64 blob, trimmed of the bytes its neighbours influence.</summary>
    internal static IEnumerable<SigmaString> Base64Offsets(byte[] value)
    {
        int[] starts = [0, 2, 3];
        int[] ends = [0, -3, -2];
        for (var shift = 0; shift < 3; shift++)
        {
            var padded = new byte[shift + value.Length];
            for (var i = 0; i < shift; i++)
                padded[i] = (byte)' ';
            value.CopyTo(padded, shift);
            var encoded = Convert.ToBase64String(padded);
            var end = ends[(value.Length + shift) % 3];
            var stop = end == 0 ? encoded.Length : encoded.Length + end;
            // A value shorter than the trimmed margins leaves nothing to search for at this offset (as Python slicing would).
            yield return new SigmaString(stop > starts[shift] ? encoded[starts[shift]..stop] : string.Empty);
        }
    }

    private static RegexMatcher Regex(string key, IReadOnlyList<string> mods, string pattern)
    {
        var options = RegexOptions.CultureInvariant;
        foreach (var mod in mods)
        {
            options |= mod switch
            {
                "i" => RegexOptions.IgnoreCase,
                "m" => RegexOptions.Multiline,
                "s" => RegexOptions.Singleline,
                "re" or "all" or "neq" or "cased" => RegexOptions.None,
                _ => throw new SigmaException(Reasons.ModifierValue, $"'{key}': modifier '{mod}' cannot be combined with 're'"),
            };
        }

        try
        {
            return new RegexMatcher(new Regex(pattern, options, _regexTimeout));
        }
        catch (ArgumentException e)
        {
            throw new SigmaException(Reasons.Regex, $"'{key}': invalid regular expression: {e.Message}");
        }
    }

    [GeneratedRegex(@"\B[-/]\b")]
    private static partial Regex DashPattern();

    [GeneratedRegex("%([A-Za-z0-9_.-]+)%")]
    private static partial Regex PlaceholderPattern();
}
