namespace Ooda.Formats.Evtx.Internal;

internal enum TemplateNodeKind : byte
{
    /// <summary>Content with no substitution anywhere below it, built once and shared.</summary>
    Static,
    Substitution,
    Element,
}
