using System.Text;

namespace Ooda.Sigma.Internal;

/// <summary>
/// A Sigma string value with its wildcards as marker characters (U+E000 for <c>*</c>, U+E001 for <c>?</c>), so escaped
/// wildcards stay literal through every modifier. <see cref="IsBytes"/> marks text whose chars are bytes (after utf16*).
/// </summary>
internal readonly record struct SigmaString(string Text, bool IsBytes = false)
{
    public const char Star = '\uE000';
    public const char Question = '\uE001';

    public bool HasWildcards => Text.AsSpan().IndexOfAny(Star, Question) >= 0;

    /// <summary>Parses a rule value: <c>*</c>/<c>?</c> are wildcards; <c>\*</c>, <c>\?</c>, <c>\\</c> are literals; any other <c>\</c> is plain.</summary>
    public static SigmaString Parse(string value)
    {
        if (value.AsSpan().IndexOfAny('*', '?', '\\') < 0)
            return new SigmaString(value);
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '*':
                    builder.Append(Star);
                    break;
                case '?':
                    builder.Append(Question);
                    break;
                case '\\' when i + 1 < value.Length && value[i + 1] is '*' or '?' or '\\':
                    builder.Append(value[++i]);
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return new SigmaString(builder.ToString());
    }

    /// <summary>The value with wildcards written back as <c>*</c>/<c>?</c> (for display).</summary>
    public override string ToString() => Text.Replace(Star, '*').Replace(Question, '?');

    /// <summary>The literal text, or null when it holds wildcards (which base64/utf16 cannot encode).</summary>
    public string? Plain => HasWildcards ? null : Text;
}
