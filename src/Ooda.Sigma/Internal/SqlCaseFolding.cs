using System.Globalization;
using System.Text;
using Ooda.Store;

namespace Ooda.Sigma.Internal;

/// <summary>
/// <see cref="string.ToLowerInvariant"/> in DuckDB SQL. DuckDB's <c>lower()</c> agrees with .NET on every code point
/// but a few: characters newer Unicode lowers that DuckDB leaves alone are translated first, and characters DuckDB lowers
/// but .NET keeps (U+0130) are escaped around <c>lower()</c> and put back. SqlCaseFoldingTests compares the expression
/// with .NET over every code point, so a DuckDB upgrade cannot drift silently.
/// </summary>
internal static class SqlCaseFolding
{
    /// <summary>Code points .NET lowers and DuckDB does not, with .NET's lower case.</summary>
    public static readonly IReadOnlyList<(int Upper, int Lower)> Translated = Build();

    /// <summary>Code points DuckDB lowers and .NET keeps.</summary>
    public static readonly IReadOnlyList<int> Kept = [0x0130];

    // A private-use character (no case in either engine) that starts an escape: itself as E1, the n-th kept character as E(n+2).
    private const char Escape = '\uE000';

    private static readonly string _expressionTemplate = Template();

    /// <summary>An expression giving the .NET lower case of <paramref name="value"/> (a column or lambda parameter).</summary>
    public static string Lower(string value) => _expressionTemplate.Replace("{x}", value, StringComparison.Ordinal);

    private static List<(int, int)> Build()
    {
        var list = new List<(int, int)> { (0x1C89, 0x1C8A), (0xA7CB, 0x0264), (0xA7CC, 0xA7CD), (0xA7DA, 0xA7DB), (0xA7DC, 0x019B) };
        for (var c = 0x10D50; c <= 0x10D65; c++)
            list.Add((c, c + 0x20));
        return list;
    }

    private static string Template()
    {
        var from = new StringBuilder();
        var to = new StringBuilder();
        foreach (var (upper, lower) in Translated)
        {
            from.Append(char.ConvertFromUtf32(upper));
            to.Append(char.ConvertFromUtf32(lower));
        }

        var translated = $"translate({{x}}, {SqlHuntText.Literal(from.ToString())}, {SqlHuntText.Literal(to.ToString())})";
        // Escaped: every escape character doubled as E1 first, so after lower() each E starts exactly one token again.
        var escaped = $"replace({translated}, {SqlHuntText.Literal(Escape.ToString())}, {SqlHuntText.Literal(Escape + "1")})";
        for (var i = 0; i < Kept.Count; i++)
            escaped = $"replace({escaped}, {SqlHuntText.Literal(char.ConvertFromUtf32(Kept[i]))}, {SqlHuntText.Literal(Token(i))})";
        var restored = $"lower({escaped})";
        for (var i = 0; i < Kept.Count; i++)
            restored = $"replace({restored}, {SqlHuntText.Literal(Token(i))}, {SqlHuntText.Literal(char.ConvertFromUtf32(Kept[i]))})";
        restored = $"replace({restored}, {SqlHuntText.Literal(Escape + "1")}, {SqlHuntText.Literal(Escape.ToString())})";
        var kept = string.Join(" OR ", Kept.Select(c => $"contains({{x}}, {SqlHuntText.Literal(char.ConvertFromUtf32(c))})"));
        // ASCII first: strlen (bytes) equals length (characters) only for ASCII text, the common case, which lower() gets right.
        return $"CASE WHEN strlen({{x}}) = length({{x}}) THEN lower({{x}}) WHEN {kept} THEN {restored} ELSE lower({translated}) END";
    }

    private static string Token(int kept) => Escape + ((char)('2' + kept)).ToString(CultureInfo.InvariantCulture);
}
