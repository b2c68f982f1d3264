using System.Globalization;
using System.Runtime.InteropServices;

namespace Ooda.Detection.Yara.Internal;

/// <summary>Reads libyara's rule, meta and string structures (<see cref="YaraLayout"/>); every walk is bounded.</summary>
internal static unsafe class NativeReader
{
    /// <summary>A guard against walking past a table end if the layout were ever wrong.</summary>
    private const int MaxItems = 1_000_000;

    public static int RuleCount(nint rules) => *(int*)(rules + YaraLayout.RulesNumRules);

    /// <summary>The rule pointers of a rule set, in table order.</summary>
    public static List<nint> Rules(nint rules)
    {
        var list = new List<nint>();
        var table = *(nint*)(rules + YaraLayout.RulesRulesTable);
        for (var i = 0; table != 0 && i < MaxItems; i++)
        {
            var rule = table + (i * YaraLayout.RuleSize);
            if ((Flags(rule) & YaraLayout.RuleFlagsNull) != 0)
                break;
            list.Add(rule);
        }

        return list;
    }

    public static string RuleNamespace(nint rule)
    {
        var ns = *(nint*)(rule + YaraLayout.RuleNamespace);
        return ns == 0 ? "" : Utf8(*(nint*)(ns + YaraLayout.NamespaceName));
    }

    public static RuleInfo ReadRule(nint rule)
    {
        var name = Utf8(*(nint*)(rule + YaraLayout.RuleIdentifier));
        return new RuleInfo(name, RuleNamespace(rule), Tags(rule), Meta(rule), Strings(rule));
    }

    private static int Flags(nint rule) => *(int*)(rule + YaraLayout.RuleFlags);

    // Tags are consecutive NUL-terminated strings ending with an empty one (rules.h: yr_rule_tags_foreach).
    private static List<string> Tags(nint rule)
    {
        var tags = new List<string>();
        var p = (byte*)*(nint*)(rule + YaraLayout.RuleTags);
        while (p != null && *p != 0 && tags.Count < MaxItems)
        {
            var length = new ReadOnlySpan<byte>(p, int.MaxValue).IndexOf((byte)0);
            tags.Add(System.Text.Encoding.UTF8.GetString(p, length));
            p += length + 1;
        }

        return tags;
    }

    // rules.h: yr_rule_metas_foreach stops after META_FLAGS_LAST_IN_RULE.
    private static YaraRuleMeta Meta(nint rule)
    {
        var all = new List<KeyValuePair<string, string>>();
        string description = "", author = "";
        int? score = null;
        var meta = *(nint*)(rule + YaraLayout.RuleMetas);
        for (var i = 0; meta != 0 && i < MaxItems; i++, meta += YaraLayout.MetaSize)
        {
            var key = Utf8(*(nint*)(meta + YaraLayout.MetaIdentifier));
            var type = *(int*)(meta + YaraLayout.MetaType);
            var integer = *(long*)(meta + YaraLayout.MetaInteger);
            var value = type switch
            {
                YaraLayout.MetaTypeString => Utf8(*(nint*)(meta + YaraLayout.MetaString)),
                YaraLayout.MetaTypeBoolean => integer != 0 ? "true" : "false",
                _ => integer.ToString(CultureInfo.InvariantCulture),
            };
            all.Add(new(key, value));
            if (key == "description" && description.Length == 0)
                description = value;
            else if (key == "author" && author.Length == 0)
                author = value;
            else if (key == "score" && score is null && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s))
                score = s;
            if ((*(int*)(meta + YaraLayout.MetaFlags) & YaraLayout.MetaFlagsLastInRule) != 0)
                break;
        }

        return new YaraRuleMeta(description, author, score, all);
    }

    // rules.h: yr_rule_strings_foreach stops after STRING_FLAGS_LAST_IN_RULE.
    private static List<(uint, string)> Strings(nint rule)
    {
        var strings = new List<(uint, string)>();
        var s = *(nint*)(rule + YaraLayout.RuleStrings);
        for (var i = 0; s != 0 && i < MaxItems; i++, s += YaraLayout.StringSize)
        {
            strings.Add((*(uint*)(s + YaraLayout.StringIndex), Utf8(*(nint*)(s + YaraLayout.StringIdentifier))));
            if ((*(uint*)(s + YaraLayout.StringFlags) & YaraLayout.StringFlagsLastInRule) != 0)
                break;
        }

        return strings;
    }

    private static string Utf8(nint p) => p == 0 ? "" : Marshal.PtrToStringUTF8(p) ?? "";
}
