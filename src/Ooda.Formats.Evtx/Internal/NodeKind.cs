namespace Ooda.Formats.Evtx.Internal;

/// <summary>What a content node is, for renderers that walk trees and template instances alike.</summary>
internal enum NodeKind : byte
{
    /// <summary>A substitution that produces nothing for this record (null, empty string, empty optional value).</summary>
    None,
    Element,
    Text,
    Value,
    CData,
    CharRef,
    EntityRef,
    ProcessingInstruction,
}
