using System.Globalization;
using System.Text;

namespace Ooda.Response.Tests;

/// <summary>
/// Enough of PowerShell's tokenizer to check generated scripts: single-quoted literals (PowerShell also takes U+2018–U+201B as
/// quotes, and a doubled quote as one), our <c>([string]… + [char]0x… + …)</c> joins, comments and everything else as code.
/// </summary>
internal static class PowerShellLexer
{
    /// <summary>The script with every literal or join replaced by <c>&lt;L&gt;</c>, plus the literals' values in order.</summary>
    public static (string Skeleton, IReadOnlyList<string> Values) Split(string script)
    {
        var skeleton = new StringBuilder();
        var values = new List<string>();
        var i = 0;
        while (i < script.Length)
        {
            if (IsJoin(script, i))
            {
                values.Add(ReadJoin(script, ref i));
                skeleton.Append("<L>");
            }
            else if (PowerShellQuoting.IsSingleQuote(script[i]))
            {
                values.Add(ReadLiteral(script, ref i));
                skeleton.Append("<L>");
            }
            else if (script[i] == '"')
            {
                throw new InvalidDataException($"a double-quoted (expanding) string at offset {i}");
            }
            else
            {
                skeleton.Append(script[i]);
                i++;
            }
        }

        return (skeleton.ToString(), values);
    }

    /// <summary>The value of one expression as <see cref="PowerShellQuoting.Literal"/> writes it; throws when anything is left over.</summary>
    public static string Evaluate(string expression)
    {
        var i = 0;
        var value = expression.StartsWith("([string]", StringComparison.Ordinal) ? ReadJoin(expression, ref i) : ReadLiteral(expression, ref i);
        if (i != expression.Length)
            throw new InvalidDataException($"code after the literal at offset {i}: {expression[i..]}");
        return value;
    }

    /// <summary>Our join: <c>([string]</c> directly followed by a literal or a <c>[char]0x</c> (a typed parameter has a space there).</summary>
    private static bool IsJoin(string s, int i)
    {
        const string Start = "([string]";
        if (!s.AsSpan(i).StartsWith(Start, StringComparison.Ordinal) || i + Start.Length >= s.Length)
            return false;
        var next = i + Start.Length;
        return PowerShellQuoting.IsSingleQuote(s[next]) || s.AsSpan(next).StartsWith("[char]0x", StringComparison.Ordinal);
    }

    /// <summary>PowerShell's rule: inside a literal a quote followed by a quote is one quote; a lone quote ends it.</summary>
    private static string ReadLiteral(string s, ref int i)
    {
        if (!PowerShellQuoting.IsSingleQuote(s[i]))
            throw new InvalidDataException($"expected a quote at offset {i}");
        i++;
        var value = new StringBuilder();
        while (true)
        {
            if (i >= s.Length)
                throw new InvalidDataException("an unterminated literal");
            var c = s[i];
            if (PowerShellQuoting.IsSingleQuote(c))
            {
                if (i + 1 < s.Length && PowerShellQuoting.IsSingleQuote(s[i + 1]))
                {
                    value.Append(s[i + 1]);
                    i += 2;
                    continue;
                }

                i++;
                return value.ToString();
            }

            value.Append(c);
            i++;
        }
    }

    private static string ReadJoin(string s, ref int i)
    {
        i += "([string]".Length;
        var value = new StringBuilder();
        while (true)
        {
            if (s.AsSpan(i).StartsWith("[char]0x", StringComparison.Ordinal))
            {
                value.Append((char)int.Parse(s.AsSpan(i + 8, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 12;
            }
            else
            {
                value.Append(ReadLiteral(s, ref i));
            }

            if (s.AsSpan(i).StartsWith(" + ", StringComparison.Ordinal))
            {
                i += 3;
                continue;
            }

            if (s[i] != ')')
                throw new InvalidDataException($"expected ')' at offset {i}");
            i++;
            return value.ToString();
        }
    }
}
