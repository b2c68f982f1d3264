namespace Ooda.Formats.Text.Internal;

internal enum TextEncodingKind
{
    Utf8,
    Utf16LittleEndian,
    Utf16BigEndian,
}
