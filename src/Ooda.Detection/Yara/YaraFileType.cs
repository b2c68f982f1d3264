namespace Ooda.Detection.Yara;

/// <summary>
/// The <c>filetype</c> external, from the first bytes of a file, the way LOKI derives it: a short table of magic numbers
/// (the longest matching prefix wins). Only types that rules test or that matter on a Windows server are listed.
/// </summary>
public static class YaraFileType
{
    private static readonly (byte[] Magic, string Type)[] _magics =
    [
        ([0x45, 0x6C, 0x66, 0x46, 0x69, 0x6C, 0x65, 0x00], "EVTX"),           // "ElfFile\0"
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "OLE"),            // compound file: .doc, .xls, .msi
        ([0x4C, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00], "LNK"),            // shell link header size and CLSID start
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "7ZIP"),
        ([0x52, 0x61, 0x72, 0x21, 0x1A, 0x07], "RAR"),                        // "Rar!\x1a\x07"
        ([0x3C, 0x3F, 0x70, 0x68, 0x70], "PHP"),                              // "<?php"
        ([0x7B, 0x5C, 0x72, 0x74, 0x66], "RTF"),                              // "{\rtf"
        ([0x21, 0x42, 0x44, 0x4E], "PST"),                                    // "!BDN", [MS-PST] 2.2.2.6
        ([0x4D, 0x44, 0x4D, 0x50], "MDMP"),                                   // minidump
        ([0x7F, 0x45, 0x4C, 0x46], "ELF"),
        ([0xFE, 0xED, 0xFA, 0xCE], "MACH-O"),
        ([0xFE, 0xED, 0xFA, 0xCF], "MACH-O"),
        ([0xCE, 0xFA, 0xED, 0xFE], "MACH-O"),
        ([0xCF, 0xFA, 0xED, 0xFE], "MACH-O"),
        ([0x50, 0x4B, 0x03, 0x04], "ZIP"),                                    // also .docx, .jar, .apk
        ([0x50, 0x4B, 0x05, 0x06], "ZIP"),                                    // empty archive
        ([0x25, 0x50, 0x44, 0x46], "PDF"),                                    // "%PDF"
        ([0x4D, 0x53, 0x43, 0x46], "CAB"),                                    // "MSCF"
        ([0x72, 0x65, 0x67, 0x66], "REGISTRY"),                               // "regf" hive
        ([0x89, 0x50, 0x4E, 0x47], "PNG"),
        ([0x47, 0x49, 0x46, 0x38], "GIF"),                                    // "GIF8"
        ([0xFF, 0xD8, 0xFF], "JPEG"),
        ([0x1F, 0x8B], "GZIP"),
        ([0x4D, 0x5A], "EXE"),                                                // "MZ": .exe, .dll, .sys
    ];

    /// <summary>The type of data starting with <paramref name="head"/>, or empty when no magic matches.</summary>
    public static string FromMagic(ReadOnlySpan<byte> head)
    {
        foreach (var (magic, type) in _magics)
        {
            if (head.StartsWith(magic))
                return type;
        }

        return "";
    }
}
