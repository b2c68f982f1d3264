namespace Ooda.Formats.Evtx.Internal;

/// <summary>Offsets of a 64 KiB chunk and its 512-byte header (libyal EVTX format §3 "Chunk").</summary>
internal static class ChunkLayout
{
    public const int Size = 0x10000;
    public const int HeaderSize = 0x200;
    public const ulong Signature = 0x006B6E6843666C45; // "ElfChnk\0"
    public const int FirstRecordNumber = 0x08;
    public const int LastRecordNumber = 0x10;
    public const int FirstRecordId = 0x18;
    public const int LastRecordId = 0x20;
    public const int HeaderSizeField = 0x28;
    public const int LastRecordOffset = 0x2C;
    public const int FreeSpaceOffset = 0x30;
    public const int RecordsChecksum = 0x34;
    public const int Flags = 0x78;
    public const int HeaderChecksum = 0x7C;
    public const int StringTable = 0x80;
    public const int StringTableEntries = 64;
    public const int TemplateTable = 0x180;
    public const int TemplateTableEntries = 32;

    /// <summary>The header checksum covers 0x00–0x77 and 0x80–0x1FF.</summary>
    public const int HeaderChecksumFirstPart = 0x78;
}
