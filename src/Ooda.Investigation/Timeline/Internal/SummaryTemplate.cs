using System.Globalization;
using System.Text;
using Ooda.Core;

namespace Ooda.Investigation.Timeline.Internal;

/// <summary>
/// A one-line summary pattern: <c>{Field}</c> a field's value, <c>{A|B}</c> the first present of several, <c>{Field:leaf}</c> a value
/// transformed (<c>leaf</c>, <c>pid</c>, <c>logon</c>, <c>clip</c>, <c>query</c>, <c>plus</c>), and <c>[…]</c> a part shown only when every field
/// directly inside it is present. A field whose value is empty or <c>-</c> counts as absent, as Windows writes it.
/// </summary>
internal sealed class SummaryTemplate
{
    private const int ClipLength = 160;
    private const int MaxValueLength = 4096;

    private static readonly Dictionary<string, Func<string, string>> _transforms = new(StringComparer.Ordinal)
    {
        ["leaf"] = Leaf,
        ["pid"] = Pid,
        ["logon"] = LogonType,
        ["clip"] = v => SummaryText.OneLine(v, ClipLength),
        // IIS logs the query without its '?', HttpProxy with it.
        ["query"] = v => v.StartsWith('?') ? v : "?" + v,
        // IIS writes spaces in the user agent as '+'.
        ["plus"] = v => v.Replace('+', ' '),
    };

    // Windows logon types (Security 4624/4625), by number.
    private static readonly Dictionary<string, string> _logonTypes = new(StringComparer.Ordinal)
    {
        ["0"] = "System",
        ["2"] = "Interactive",
        ["3"] = "Network",
        ["4"] = "Batch",
        ["5"] = "Service",
        ["7"] = "Unlock",
        ["8"] = "NetworkCleartext",
        ["9"] = "NewCredentials",
        ["10"] = "RemoteInteractive",
        ["11"] = "CachedInteractive",
        ["12"] = "CachedRemoteInteractive",
        ["13"] = "CachedUnlock",
    };

    private readonly Node[] _nodes;

    private SummaryTemplate(string text, Node[] nodes)
    {
        Text = text;
        _nodes = nodes;
    }

    public string Text { get; }

    /// <exception cref="FormatException">Unbalanced brackets or braces, an empty field, or an unknown transform.</exception>
    public static SummaryTemplate Parse(string text)
    {
        var position = 0;
        var nodes = ParseNodes(text, ref position, inGroup: false);
        return new SummaryTemplate(text, nodes);
    }

    /// <summary>Renders into <paramref name="output"/>; false (and nothing written) when none of the template's own fields is present.</summary>
    public bool TryRender(EventFields fields, StringBuilder output)
    {
        var start = output.Length;
        var present = 0;
        var total = 0;
        foreach (var node in _nodes)
        {
            switch (node)
            {
                case Literal literal:
                    output.Append(literal.Text);
                    break;
                case Field field:
                    total++;
                    if (field.Value(fields) is { } value)
                    {
                        present++;
                        output.Append(value);
                    }
                    else
                    {
                        output.Append('?');
                    }

                    break;
                case Group group:
                    group.Render(fields, output);
                    break;
            }
        }

        if (total > 0 && present == 0)
        {
            output.Length = start;
            return false;
        }

        return true;
    }

    private static Node[] ParseNodes(string text, ref int position, bool inGroup)
    {
        var nodes = new List<Node>();
        var literal = new StringBuilder();
        void Flush()
        {
            if (literal.Length > 0)
                nodes.Add(new Literal(literal.ToString()));
            literal.Clear();
        }

        while (position < text.Length)
        {
            var c = text[position];
            switch (c)
            {
                case '{':
                {
                    Flush();
                    var close = text.IndexOf('}', position);
                    if (close < 0)
                        throw new FormatException($"summary template '{text}': '{{' at {position} is not closed");
                    nodes.Add(ParseField(text, text[(position + 1)..close]));
                    position = close + 1;
                    break;
                }

                case '[':
                    Flush();
                    position++;
                    nodes.Add(new Group(ParseNodes(text, ref position, inGroup: true)));
                    break;
                case ']':
                    if (!inGroup)
                        throw new FormatException($"summary template '{text}': ']' at {position} closes nothing");
                    Flush();
                    position++;
                    return [.. nodes];
                case '}':
                    throw new FormatException($"summary template '{text}': '}}' at {position} closes nothing");
                default:
                    literal.Append(c);
                    position++;
                    break;
            }
        }

        if (inGroup)
            throw new FormatException($"summary template '{text}': '[' is not closed");
        Flush();
        return [.. nodes];
    }

    private static Field ParseField(string template, string body)
    {
        var colon = body.LastIndexOf(':');
        Func<string, string>? transform = null;
        if (colon >= 0)
        {
            var name = body[(colon + 1)..];
            if (!_transforms.TryGetValue(name, out transform))
                throw new FormatException($"summary template '{template}': unknown transform '{name}'");
            body = body[..colon];
        }

        var names = body.Split('|', StringSplitOptions.TrimEntries);
        if (names.Any(n => n.Length == 0))
            throw new FormatException($"summary template '{template}': empty field name in '{{{body}}}'");
        return new Field(names, transform);
    }

    private static string Leaf(string path)
    {
        var trimmed = path.TrimEnd('\\', '/', '"', ' ');
        var cut = trimmed.LastIndexOfAny(['\\', '/']);
        return cut < 0 || cut == trimmed.Length - 1 ? trimmed.Trim('"') : trimmed[(cut + 1)..];
    }

    /// <summary>Security events write process ids in hex (<c>0x1a2c</c>); Sysmon in decimal. Show both for a hex one.</summary>
    private static string Pid(string value) =>
        value.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
        && long.TryParse(value.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var pid)
            ? $"{value.ToLowerInvariant()} ({pid.ToString(CultureInfo.InvariantCulture)})"
            : value;

    private static string LogonType(string value) =>
        _logonTypes.TryGetValue(value.Trim(), out var name) ? $"{value.Trim()} ({name})" : value;

    private abstract record Node;

    private sealed record Literal(string Text) : Node;

    private sealed record Field(string[] Names, Func<string, string>? Transform) : Node
    {
        public string? Value(EventFields fields)
        {
            foreach (var name in Names)
            {
                if (fields.TryGetValue(name, out var value) && value.Length > 0 && value != "-" && !string.IsNullOrWhiteSpace(value))
                {
                    // A summary shows one line, so a huge value (a script block) is cut before it is copied around.
                    var bounded = value.Length > MaxValueLength ? value[..MaxValueLength] : value;
                    return Transform is null ? bounded : Transform(bounded);
                }
            }

            return null;
        }
    }

    private sealed record Group(Node[] Children) : Node
    {
        /// <summary>Writes the group only when every field directly inside it is present; inner groups decide for themselves.</summary>
        public void Render(EventFields fields, StringBuilder output)
        {
            var start = output.Length;
            foreach (var child in Children)
            {
                switch (child)
                {
                    case Literal literal:
                        output.Append(literal.Text);
                        break;
                    case Field field when field.Value(fields) is { } value:
                        output.Append(value);
                        break;
                    case Field:
                        output.Length = start;
                        return;
                    case Group group:
                        group.Render(fields, output);
                        break;
                }
            }
        }
    }
}
