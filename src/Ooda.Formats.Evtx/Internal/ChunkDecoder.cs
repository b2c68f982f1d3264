using System.Buffers.Binary;

namespace Ooda.Formats.Evtx.Internal;

/// <summary>Decodes the records of one 64 KiB chunk, keeping every record that decodes and reporting each one that does not.</summary>
internal static class ChunkDecoder
{
    public static ChunkResult Decode(byte[] chunk, int length, int chunkIndex, long fileOffset, EvtxOptions options)
    {
        var sink = new TreeSink();
        var diagnostics = Decode(chunk, length, chunkIndex, fileOffset, options, sink);
        return new ChunkResult(chunkIndex, sink.Records, diagnostics);
    }

    /// <summary>Hands every record that decodes to the sink, in chunk order, and returns the chunk's diagnostics.</summary>
    public static List<EvtxDiagnostic> Decode<TSink>(byte[] chunk, int length, int chunkIndex, long fileOffset, EvtxOptions options, TSink sink)
        where TSink : IRecordSink
    {
        var diagnostics = new List<EvtxDiagnostic>();
        var span = chunk.AsSpan(0, length);

        void Report(int offset, ulong? recordId, string message, Ooda.Core.DiagnosticSeverity severity = Ooda.Core.DiagnosticSeverity.Error) =>
            diagnostics.Add(new EvtxDiagnostic(fileOffset + offset, chunkIndex, recordId, message, severity));

        if (length < ChunkLayout.HeaderSize || BinaryPrimitives.ReadUInt64LittleEndian(span) != ChunkLayout.Signature)
        {
            if (span.IndexOfAnyExcept((byte)0) < 0)
                return diagnostics; // never used: preallocated space
            if (options.Recover)
            {
                Report(0, null, "bad chunk signature; carving records from it", Ooda.Core.DiagnosticSeverity.Warning);
                Carve(chunk, length, 0, chunkIndex, fileOffset, sink, diagnostics, []);
            }
            else
            {
                Report(0, null, length < ChunkLayout.HeaderSize
                    ? $"truncated chunk of {length} bytes skipped (Recover carves it)"
                    : "bad chunk signature; chunk skipped (Recover carves it)");
            }

            return diagnostics;
        }

        if (length < ChunkLayout.Size)
            Report(0, null, $"chunk truncated to {length} bytes", Ooda.Core.DiagnosticSeverity.Warning);

        var freeSpace = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(span[ChunkLayout.FreeSpaceOffset..]), int.MaxValue);
        var limit = freeSpace is >= ChunkLayout.HeaderSize and <= ChunkLayout.Size ? Math.Min(freeSpace, length) : length;
        if (limit != freeSpace)
            Report(ChunkLayout.FreeSpaceOffset, null, $"free space offset 0x{freeSpace:x} is outside the chunk", Ooda.Core.DiagnosticSeverity.Warning);

        if (options.VerifyChecksums)
        {
            var headerCrc = Crc32.Append(Crc32.Compute(span[..ChunkLayout.HeaderChecksumFirstPart]), span[ChunkLayout.StringTable..ChunkLayout.HeaderSize]);
            if (headerCrc != BinaryPrimitives.ReadUInt32LittleEndian(span[ChunkLayout.HeaderChecksum..]))
                Report(ChunkLayout.HeaderChecksum, null, "chunk header checksum mismatch", Ooda.Core.DiagnosticSeverity.Warning);
            if (limit == freeSpace
                && Crc32.Compute(span[ChunkLayout.HeaderSize..limit]) != BinaryPrimitives.ReadUInt32LittleEndian(span[ChunkLayout.RecordsChecksum..]))
            {
                Report(ChunkLayout.RecordsChecksum, null, "event records checksum mismatch", Ooda.Core.DiagnosticSeverity.Warning);
            }
        }

        var parser = new BinXmlParser(chunk, length);
        // Record ids only matter to carving, which skips the records the chunk already gave.
        var seen = options.Recover ? new HashSet<ulong>() : null;
        var position = ChunkLayout.HeaderSize;
        while (position + RecordLayout.MinimumSize <= limit)
        {
            if (!TryRecordAt(span, position, limit, out var size))
            {
                if (span[position..limit].IndexOfAnyExcept((byte)0) < 0)
                    break;
                var next = FindRecord(span, position + 1, limit);
                Report(position, null, next < 0
                    ? $"no valid record header; {limit - position} bytes to the free space skipped"
                    : $"no valid record header; {next - position} bytes skipped to the next record");
                if (next < 0)
                    break;
                position = next;
                continue;
            }

            if (DecodeRecord(parser, chunk, position, size, chunkIndex, fileOffset, recovered: false, sink, diagnostics) is { } recordId)
                seen?.Add(recordId);

            position += size;
        }

        if (seen is not null && limit < length)
            Carve(chunk, length, limit, chunkIndex, fileOffset, sink, diagnostics, seen, parser);
        return diagnostics;
    }

    /// <summary>A record starts here when the signature, the size and the trailing size copy agree.</summary>
    internal static bool TryRecordAt(ReadOnlySpan<byte> chunk, int position, int limit, out int size)
    {
        size = 0;
        if (position < 0 || position + RecordLayout.MinimumSize > limit)
            return false;
        if (BinaryPrimitives.ReadUInt32LittleEndian(chunk[position..]) != RecordLayout.Signature)
            return false;
        var declared = BinaryPrimitives.ReadUInt32LittleEndian(chunk[(position + RecordLayout.Size)..]);
        if (declared < RecordLayout.MinimumSize || declared > (uint)(limit - position))
            return false;
        if (BinaryPrimitives.ReadUInt32LittleEndian(chunk[(position + (int)declared - 4)..]) != declared)
            return false;
        size = (int)declared;
        return true;
    }

    private static int FindRecord(ReadOnlySpan<byte> chunk, int from, int limit)
    {
        ReadOnlySpan<byte> signature = [0x2A, 0x2A, 0x00, 0x00];
        while (from < limit)
        {
            var hit = chunk[from..limit].IndexOf(signature);
            if (hit < 0)
                return -1;
            var position = from + hit;
            if (TryRecordAt(chunk, position, limit, out _))
                return position;
            from = position + 1;
        }

        return -1;
    }

    /// <summary>The record's id when the sink took it, or null when it was lost (and reported).</summary>
    private static ulong? DecodeRecord<TSink>(BinXmlParser parser, byte[] chunk, int position, int size, int chunkIndex, long fileOffset, bool recovered, TSink sink, List<EvtxDiagnostic> diagnostics)
        where TSink : IRecordSink
    {
        var span = chunk.AsSpan(position);
        var recordId = BinaryPrimitives.ReadUInt64LittleEndian(span[RecordLayout.RecordId..]);
        try
        {
            FileTime.TryToDateTime(BinaryPrimitives.ReadInt64LittleEndian(span[RecordLayout.Written..]), out var written);
            sink.Add(parser, position + RecordLayout.Data, position + size - 4, new RecordInfo(recordId, written, chunkIndex, fileOffset + position, recovered));
            return recordId;
        }
        catch (EvtxFormatException e)
        {
            diagnostics.Add(new EvtxDiagnostic(fileOffset + position, chunkIndex, recordId,
                $"{(recovered ? "carved record" : "record")} at 0x{fileOffset + position:x} lost: {e.Message}"));
            return null;
        }
    }

    /// <summary>Looks for whole records in space no live record claims: chunk slack or a damaged chunk.</summary>
    private static void Carve<TSink>(byte[] chunk, int length, int from, int chunkIndex, long fileOffset, TSink sink, List<EvtxDiagnostic> diagnostics, HashSet<ulong> seen, BinXmlParser? parser = null)
        where TSink : IRecordSink
    {
        parser ??= new BinXmlParser(chunk, length);
        var span = chunk.AsSpan(0, length);
        var position = FindRecord(span, from, length);
        while (position >= 0)
        {
            TryRecordAt(span, position, length, out var size);
            var recordId = BinaryPrimitives.ReadUInt64LittleEndian(span[(position + RecordLayout.RecordId)..]);
            if (seen.Add(recordId))
            {
                if (DecodeRecord(parser, chunk, position, size, chunkIndex, fileOffset, recovered: true, sink, diagnostics) is not null)
                {
                    diagnostics.Add(new EvtxDiagnostic(fileOffset + position, chunkIndex, recordId, "record recovered from unallocated space", Ooda.Core.DiagnosticSeverity.Warning));
                }
            }

            position = FindRecord(span, position + size, length);
        }
    }
}
