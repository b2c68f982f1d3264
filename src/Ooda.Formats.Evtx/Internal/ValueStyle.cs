namespace Ooda.Formats.Evtx.Internal;

/// <summary>Whose conventions a value is formatted in.</summary>
internal enum ValueStyle
{
    /// <summary>The Rust <c>evtx</c> crate (JSON): bare upper-case GUIDs, unpadded hex, microsecond times.</summary>
    Crate,

    /// <summary>libevtx's <c>evtxexport</c> (XML): braced GUIDs, zero-padded hex, 100 ns times.</summary>
    Libevtx,
}
