using System.Text;
using System.Xml;

namespace Ooda.Reports.Internal;

/// <summary>
/// A second check on the SVGs the report embeds: well-formed XML made only of drawing elements, with no event handler, no link
/// and no external reference. The renderers that make them already escape evidence; this keeps a future change from slipping.
/// </summary>
internal static class SvgGuard
{
    private static readonly HashSet<string> _elements = new(StringComparer.Ordinal)
    {
        "svg", "g", "title", "desc", "style", "defs", "marker", "rect", "line", "path", "circle", "ellipse", "polygon", "polyline", "text", "tspan",
    };

    private static readonly XmlReaderSettings _settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 8 * 1024 * 1024,
        IgnoreComments = false,
    };

    /// <summary>Null when the SVG may be embedded, else why not.</summary>
    public static string? Refuse(string svg)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(svg), _settings);
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (!_elements.Contains(reader.LocalName))
                            return $"element <{reader.LocalName}> is not allowed";
                        while (reader.MoveToNextAttribute())
                        {
                            var name = reader.LocalName;
                            if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || name.Contains("href", StringComparison.OrdinalIgnoreCase)
                                || ExternalUrl(reader.Value) || reader.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
                            {
                                return $"attribute {reader.Name} is not allowed";
                            }
                        }

                        reader.MoveToElement();
                        if (reader.LocalName == "style" && Style(reader) is { } refusal)
                            return refusal;
                        break;
                    case XmlNodeType.ProcessingInstruction or XmlNodeType.DocumentType or XmlNodeType.CDATA:
                        return $"{reader.NodeType} nodes are not allowed";
                }
            }

            return null;
        }
        catch (XmlException e)
        {
            return "it is not well-formed XML: " + e.Message;
        }
    }

    /// <summary>
    /// Reads a <c>&lt;style&gt;</c> element's text, leaving the reader on its end tag so the caller's next read is the node after it.
    /// Its text is read decoded (<c>&amp;#117;rl(</c> is <c>url(</c> to a browser) and checked whole; a comment or element inside is
    /// refused, as the renderers write none and the style scoping that follows reads the raw text.
    /// </summary>
    private static string? Style(XmlReader reader)
    {
        if (reader.IsEmptyElement)
            return null;
        var depth = reader.Depth;
        var css = new StringBuilder();
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                css.Append(reader.Value);
            else
                return $"its style holds {reader.NodeType} content";
        }

        var text = css.ToString();
        // CSS escapes (\75 rl( is url() would hide any reference from the checks below, and the renderers never write one.
        if (text.Contains('\\', StringComparison.Ordinal))
            return "its style has a backslash";
        return ExternalUrl(text) || text.Contains("@import", StringComparison.OrdinalIgnoreCase) ? "its style refers to something outside it" : null;
    }

    /// <summary>A CSS <c>url(…)</c> that is not a reference inside the drawing (<c>url(#arrow)</c> for a marker is).</summary>
    private static bool ExternalUrl(string text)
    {
        for (var at = text.IndexOf("url(", StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf("url(", at + 4, StringComparison.OrdinalIgnoreCase))
        {
            var rest = text.AsSpan(at + 4).TrimStart().TrimStart("'\"").TrimStart();
            if (rest.Length == 0 || rest[0] != '#')
                return true;
        }

        return false;
    }
}
