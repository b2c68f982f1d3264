namespace Ooda.Formats.Evtx.Internal;

/// <summary>How text is escaped when written.</summary>
internal enum TextEscape
{
    None,
    Json,
    XmlText,
    XmlAttribute,
}
