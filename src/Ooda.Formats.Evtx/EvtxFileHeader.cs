namespace Ooda.Formats.Evtx;

/// <summary>The file header's fields (libyal EVTX format §2).</summary>
public sealed record EvtxFileHeader(
    bool SignatureValid,
    ulong FirstChunkNumber,
    ulong LastChunkNumber,
    ulong NextRecordId,
    ushort MinorVersion,
    ushort MajorVersion,
    ushort HeaderBlockSize,
    ushort NumberOfChunks,
    uint Flags,
    bool ChecksumValid)
{
    /// <summary>The log was not closed cleanly; counts in the header may lag behind the chunks.</summary>
    public bool IsDirty => (Flags & Internal.FileHeaderLayout.FlagDirty) != 0;

    public bool IsFull => (Flags & Internal.FileHeaderLayout.FlagFull) != 0;
}
