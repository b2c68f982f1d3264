namespace Ooda.Formats.Evtx.Internal;

/// <summary>Offsets of the 4 KiB file header (libyal EVTX format §2 "File header").</summary>
internal static class FileHeaderLayout
{
    public const int Size = 0x1000;
    public const int UsedSize = 0x80;
    public const ulong Signature = 0x00656C6946666C45; // "ElfFile\0"
    public const int SignatureOffset = 0x00;
    public const int FirstChunkNumber = 0x08;
    public const int LastChunkNumber = 0x10;
    public const int NextRecordId = 0x18;
    public const int HeaderSize = 0x20;
    public const int MinorVersion = 0x24;
    public const int MajorVersion = 0x26;
    public const int HeaderBlockSize = 0x28;
    public const int NumberOfChunks = 0x2A;
    public const int Flags = 0x78;
    public const int Checksum = 0x7C;

    /// <summary>The checksum covers the first 120 bytes.</summary>
    public const int ChecksummedLength = 0x78;

    public const uint FlagDirty = 0x1;
    public const uint FlagFull = 0x2;
}
