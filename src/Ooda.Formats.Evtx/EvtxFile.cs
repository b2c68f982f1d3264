using System.Buffers.Binary;
using Ooda.Formats.Evtx.Internal;

namespace Ooda.Formats.Evtx;

/// <summary>
/// A Windows XML Event Log file. Records are read lazily, chunks decoded in parallel and yielded in file order;
/// damage is reported through <see cref="EvtxOptions.OnDiagnostic"/> and never stops the read.
/// </summary>
public sealed class EvtxFile : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly long _start;
    private readonly byte[] _headerBytes;
    private bool _read;

    private EvtxFile(Stream stream, EvtxOptions options, bool leaveOpen)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        Options = options;
        _start = stream.CanSeek ? stream.Position : 0;
        _headerBytes = new byte[FileHeaderLayout.Size];
        var length = 0;
        while (length < _headerBytes.Length)
        {
            var read = stream.Read(_headerBytes, length, _headerBytes.Length - length);
            if (read == 0)
                break;
            length += read;
        }

        HeaderLength = length;
        Header = ParseHeader(_headerBytes.AsSpan(0, length));
    }

    public EvtxOptions Options { get; }

    public EvtxFileHeader Header { get; }

    /// <summary>Bytes of the header actually present (less than 4096 for a truncated file).</summary>
    public int HeaderLength { get; }

    public static bool HasSignature(ReadOnlySpan<byte> head) =>
        head.Length >= 8 && BinaryPrimitives.ReadUInt64LittleEndian(head) == FileHeaderLayout.Signature;

    public static EvtxFile Open(string path, EvtxOptions? options = null) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.SequentialScan), options ?? EvtxOptions.Default, leaveOpen: false);

    /// <summary>Reads from the stream's current position; the stream needs no seeking.</summary>
    public static EvtxFile Open(Stream stream, EvtxOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new(stream, options ?? EvtxOptions.Default, leaveOpen);
    }

    /// <summary>The records in file order; one enumeration per instance, since the stream is read forward.</summary>
    public IEnumerable<EvtxRecord> ReadRecords(CancellationToken cancellationToken = default)
    {
        foreach (var chunk in ReadChunks(static result => result, cancellationToken))
        {
            foreach (var diagnostic in chunk.Diagnostics)
                Options.OnDiagnostic?.Invoke(diagnostic);
            foreach (var record in chunk.Records)
                yield return record;
        }
    }

    /// <summary>Decodes chunks into trees in parallel and maps each chunk's result on the worker that decoded it.</summary>
    internal IEnumerable<T> ReadChunks<T>(Func<ChunkResult, T> map, CancellationToken cancellationToken) =>
        DecodeChunks((buffer, length, index, offset) => map(ChunkDecoder.Decode(buffer, length, index, offset, Options)), pooled: false, cancellationToken);

    /// <summary>
    /// Runs <paramref name="decode"/> (chunk bytes, length, index, file offset) on each chunk in parallel, yielding results in file order.
    /// With <paramref name="pooled"/> the chunk buffer goes back to the pool after decoding, so the result must not keep it.
    /// </summary>
    internal IEnumerable<T> DecodeChunks<T>(Func<byte[], int, int, long, T> decode, bool pooled, CancellationToken cancellationToken)
    {
        if (_read)
            throw new InvalidOperationException("An EvtxFile is read once; open it again to read it again.");
        _read = true;
        foreach (var diagnostic in HeaderDiagnostics())
            Options.OnDiagnostic?.Invoke(diagnostic);
        if (HeaderLength < FileHeaderLayout.Size)
            yield break;
        foreach (var item in ChunkPipeline.Run(_stream, _start + FileHeaderLayout.Size, Options.MaxDegreeOfParallelism, pooled,
            (buffer, length, index, offset) => decode(buffer, length, index, offset - _start), cancellationToken))
        {
            yield return item;
        }
    }

    internal IEnumerable<EvtxDiagnostic> HeaderDiagnostics()
    {
        if (HeaderLength < FileHeaderLayout.Size)
        {
            yield return new EvtxDiagnostic(0, -1, null, $"file truncated inside the file header ({HeaderLength} bytes)");
            yield break;
        }

        if (!Header.SignatureValid)
            yield return new EvtxDiagnostic(0, -1, null, "bad file signature (expected ElfFile); reading chunks anyway", Ooda.Core.DiagnosticSeverity.Warning);
        else if (Options.VerifyChecksums && !Header.ChecksumValid)
            yield return new EvtxDiagnostic(FileHeaderLayout.Checksum, -1, null, "file header checksum mismatch", Ooda.Core.DiagnosticSeverity.Warning);
        if (Header.IsDirty)
            yield return new EvtxDiagnostic(FileHeaderLayout.Flags, -1, null, "file is dirty (not closed cleanly); header counts may be stale", Ooda.Core.DiagnosticSeverity.Warning);
    }

    public void Dispose()
    {
        if (!_leaveOpen)
            _stream.Dispose();
    }

    private static EvtxFileHeader ParseHeader(ReadOnlySpan<byte> header)
    {
        if (header.Length < FileHeaderLayout.UsedSize)
            return new EvtxFileHeader(false, 0, 0, 0, 0, 0, 0, 0, 0, false);
        var checksum = Crc32.Compute(header[..FileHeaderLayout.ChecksummedLength]);
        return new EvtxFileHeader(
            HasSignature(header),
            BinaryPrimitives.ReadUInt64LittleEndian(header[FileHeaderLayout.FirstChunkNumber..]),
            BinaryPrimitives.ReadUInt64LittleEndian(header[FileHeaderLayout.LastChunkNumber..]),
            BinaryPrimitives.ReadUInt64LittleEndian(header[FileHeaderLayout.NextRecordId..]),
            BinaryPrimitives.ReadUInt16LittleEndian(header[FileHeaderLayout.MinorVersion..]),
            BinaryPrimitives.ReadUInt16LittleEndian(header[FileHeaderLayout.MajorVersion..]),
            BinaryPrimitives.ReadUInt16LittleEndian(header[FileHeaderLayout.HeaderBlockSize..]),
            BinaryPrimitives.ReadUInt16LittleEndian(header[FileHeaderLayout.NumberOfChunks..]),
            BinaryPrimitives.ReadUInt32LittleEndian(header[FileHeaderLayout.Flags..]),
            checksum == BinaryPrimitives.ReadUInt32LittleEndian(header[FileHeaderLayout.Checksum..]));
    }
}
