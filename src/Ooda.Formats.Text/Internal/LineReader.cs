using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Ooda.Core;

namespace Ooda.Formats.Text.Internal;

/// <summary>
/// Reads UTF-8 lines from a stream with a pooled buffer that never grows past the line limit:
/// a longer line is streamed past and reported, so memory stays flat for any input.
/// <see cref="Line"/> is valid until the next <see cref="ReadLine"/>.
/// </summary>
internal sealed class LineReader : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;
    private const byte LineFeed = (byte)'\n';
    private const byte CarriageReturn = (byte)'\r';

    private readonly Stream _stream;
    private readonly ParseContext _context;
    private readonly int _maxLineLength;
    private readonly int _bufferCap;
    private readonly bool _offsetsKnown;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _bufferFileOffset;
    private int _lineStart;
    private int _lineLength;
    private bool _eof;
    private bool _reportedInvalidUtf8;

    public LineReader(Stream stream, ParseContext context, int maxLineLength)
    {
        _context = context;
        _maxLineLength = Math.Max(1, maxLineLength);
        // Room for a line at the limit plus its CR LF, so a line that fits is always seen whole.
        _bufferCap = (int)Math.Min(Array.MaxLength, (long)_maxLineLength + 2);
        _stream = TextEncodingSniffer.OpenUtf8(stream, out _bufferFileOffset, out _offsetsKnown);
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferSize, _bufferCap));
    }

    /// <summary>1-based number of the current line.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Byte offset of the current line's start in the file, or -1 when not known (UTF-16 input).</summary>
    public long Offset { get; private set; } = -1;

    /// <summary>The current line without its terminator.</summary>
    public ReadOnlySpan<byte> Line => _buffer.AsSpan(_lineStart, _lineLength);

    /// <summary>Decodes UTF-8, invalid sequences becoming U+FFFD (reported once per file by <see cref="ReadLine"/>).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>Moves to the next line; false at the end of the stream.</summary>
    public bool ReadLine()
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var newline = pending.IndexOf(LineFeed);
            if (newline >= 0)
            {
                var length = newline > 0 && pending[newline - 1] == CarriageReturn ? newline - 1 : newline;
                var lineStart = _start;
                _start += newline + 1;
                if (length > _maxLineLength)
                {
                    ReportTooLong(length);
                    continue;
                }

                return Accept(lineStart, length);
            }

            if (_eof)
            {
                if (pending.IsEmpty)
                    return false;
                var lineStart = _start;
                _start = _end;
                if (pending.Length > _maxLineLength)
                {
                    ReportTooLong(pending.Length);
                    continue;
                }

                return Accept(lineStart, pending.Length);
            }

            if (pending.Length >= _bufferCap)
            {
                SkipLongLine();
                continue;
            }

            Fill();
        }
    }

    private bool Accept(int lineStart, int length)
    {
        LineNumber++;
        Offset = _offsetsKnown ? _bufferFileOffset + lineStart : -1;
        _lineStart = lineStart;
        _lineLength = length;
        if (!_reportedInvalidUtf8 && !Utf8.IsValid(_buffer.AsSpan(lineStart, length)))
        {
            _reportedInvalidUtf8 = true;
            _context.ReportLine(LineNumber, "invalid UTF-8 (first here); decoded with replacement characters", DiagnosticSeverity.Warning);
        }

        return true;
    }

    private void ReportTooLong(long length)
    {
        LineNumber++;
        _context.ReportLine(LineNumber, $"line of {length} bytes exceeds the {ByteSize.Format(_maxLineLength)} limit, skipped");
    }

    /// <summary>Reads more bytes, first moving the unconsumed tail to the front and growing the buffer up to the cap.</summary>
    private void Fill()
    {
        _context.CancellationToken.ThrowIfCancellationRequested();
        if (_start > 0)
        {
            var tail = _end - _start;
            if (tail > 0)
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, tail);
            _bufferFileOffset += _start;
            _start = 0;
            _end = tail;
        }

        if (_end == _buffer.Length)
        {
            var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(_bufferCap, (long)_buffer.Length * 2));
            Buffer.BlockCopy(_buffer, 0, grown, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = grown;
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
            _eof = true;
        _end += read;
    }

    /// <summary>Streams past the rest of an over-long line, keeping only its length.</summary>
    private void SkipLongLine()
    {
        long length = _end - _start;
        var lastByte = _buffer[_end - 1];
        while (true)
        {
            _bufferFileOffset += _end;
            _start = _end = 0;
            _context.CancellationToken.ThrowIfCancellationRequested();
            var read = _stream.Read(_buffer, 0, _buffer.Length);
            if (read == 0)
            {
                _eof = true;
                ReportTooLong(length);
                return;
            }

            _end = read;
            var newline = _buffer.AsSpan(0, read).IndexOf(LineFeed);
            if (newline < 0)
            {
                length += read;
                lastByte = _buffer[read - 1];
                continue;
            }

            var beforeNewline = newline > 0 ? _buffer[newline - 1] : lastByte;
            length += newline - (beforeNewline == CarriageReturn ? 1 : 0);
            _start = newline + 1;
            ReportTooLong(length);
            return;
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
        _stream.Dispose();
    }
}
