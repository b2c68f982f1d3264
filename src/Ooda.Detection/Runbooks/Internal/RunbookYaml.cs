using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ooda.Detection.Runbooks.Internal;

/// <summary>YAML node helpers shared by the loader and the writer.</summary>
internal static class RunbookYaml
{
    public static string ToText(YamlNode node)
    {
        var writer = new StringWriter { NewLine = "\n" };
        new YamlStream(new YamlDocument(node)).Save(writer, assignAnchors: false);
        var text = writer.ToString();
        // The emitter closes every document with an explicit end marker; a runbook file is one plain document.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    public static YamlNode Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents[0].RootNode;
    }

    public static YamlScalarNode Scalar(string value)
    {
        var node = new YamlScalarNode(value);
        if (value.Contains('\n', StringComparison.Ordinal))
            node.Style = ScalarStyle.Literal;
        else if (NeedsQuotes(value))
            node.Style = ScalarStyle.DoubleQuoted;
        return node;
    }

    // Quote what YAML would otherwise read back as another type or structure (null, booleans, numbers, dates, indicators).
    private static bool NeedsQuotes(string value) =>
        value.Length == 0 || value != value.Trim() || value is "~" or "null" or "true" or "false" or "yes" or "no" or "on" or "off"
        || char.IsAsciiDigit(value[0]) || value[0] is '-' or '.' or '+'
        || value.IndexOfAny([':', '#', '{', '}', '[', ']', ',', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', '\\', '\t']) >= 0;
}
