using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Ooda.Web.Internal;

/// <summary>
/// Builds a page where every piece of text and every attribute value is cleaned and HTML-encoded; only tag and attribute
/// names (constants in our code) are written as they are, and links go to paths of this site only.
/// </summary>
internal sealed class Html
{
    private static readonly HtmlEncoder _encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder _b = new(8192);

    /// <summary>Text content, cleaned of control and bidi characters and encoded.</summary>
    public Html Text(string? text, int max = 4000)
    {
        _b.Append(_encoder.Encode(DisplayText.Clean(text, max)));
        return this;
    }

    public Html Open(string tag, params (string Name, string? Value)[] attributes)
    {
        CheckName(tag);
        _b.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
                continue;
            CheckName(name);
            if (name is "href" or "src" or "action" or "formaction")
                CheckLocal(value);
            _b.Append(' ').Append(name).Append("=\"").Append(_encoder.Encode(DisplayText.Clean(value, 8000))).Append('"');
        }

        _b.Append('>');
        return this;
    }

    public Html Close(string tag)
    {
        CheckName(tag);
        _b.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding only text.</summary>
    public Html Element(string tag, string? text, params (string Name, string? Value)[] attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    /// <summary>A link to a path of this site.</summary>
    public Html Link(string path, string? text, string? cssClass = null) =>
        Open("a", ("href", path), ("class", cssClass)).Text(text).Close("a");

    /// <summary>A void element such as <c>input</c> or <c>img</c>.</summary>
    public Html Void(string tag, params (string Name, string? Value)[] attributes)
    {
        Open(tag, attributes);
        return this;
    }

    /// <summary>A POST form to a path of this site carrying the session's CSRF token.</summary>
    public Html Form(string action, string? csrfToken, Action<Html> fields, string? cssClass = null)
    {
        Open("form", ("method", "post"), ("action", action), ("class", cssClass));
        Void("input", ("type", "hidden"), ("name", CsrfGuard.FormField), ("value", csrfToken ?? string.Empty));
        fields(this);
        return Close("form");
    }

    /// <summary>Markup written by our own code (constants); never pass evidence here.</summary>
    public Html Trusted(string markup)
    {
        _b.Append(markup);
        return this;
    }

    public override string ToString() => _b.ToString();

    private static void CheckName(string name)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            throw new ArgumentException($"'{name}' is not a tag or attribute name this builder writes", nameof(name));
    }

    private static void CheckLocal(string url)
    {
        if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("/\\", StringComparison.Ordinal))
            throw new ArgumentException($"links go to paths of this site only, not '{url}'", nameof(url));
    }
}
