namespace Ooda.Formats.Evtx.Internal;

/// <summary>Offsets of an event record (libyal EVTX format §4 "Event record").</summary>
internal static class RecordLayout
{
    public const uint Signature = 0x00002A2A; // "**\0\0"
    public const int SignatureOffset = 0x00;
    public const int Size = 0x04;
    public const int RecordId = 0x08;
    public const int Written = 0x10;
    public const int Data = 0x18;

    /// <summary>Header (24 bytes) plus the trailing copy of the size (4 bytes).</summary>
    public const int MinimumSize = 0x1C;
}
