using System.Text;
using System.Text.RegularExpressions;

namespace Ooda.Reports.Internal;

/// <summary>
/// An inline SVG's <c>&lt;style&gt;</c> applies to the whole page, so the renderers' plain rules (<c>text{…}</c>, <c>.h{…}</c>) would
/// restyle the report and each other; every selector is prefixed with the figure's id to keep them to their own drawing.
/// </summary>
internal static partial class SvgStyleScope
{
    public static string Apply(string svg, string scopeId) =>
        Style().Replace(svg, m => "<style>" + Scope(m.Groups[1].Value, scopeId) + "</style>");

    private static string Scope(string css, string scopeId)
    {
        var scoped = new StringBuilder(css.Length + 64);
        foreach (var rule in css.Split('}', StringSplitOptions.RemoveEmptyEntries))
        {
            var brace = rule.IndexOf('{', StringComparison.Ordinal);
            if (brace <= 0)
                continue;
            var selectors = rule[..brace].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => $"#{scopeId} {s}");
            scoped.AppendJoin(',', selectors).Append(rule[brace..]).Append('}');
        }

        return scoped.ToString();
    }

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Style();
}
