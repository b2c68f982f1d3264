using System.Buffers;
using Ooda.Core;
using Ooda.Formats.Text.Internal;

namespace Ooda.Formats.Text.Tests.Reference;

/// <summary>
/// Test oracle: the byte-scanning framer as it was before the streaming rewrite, kept verbatim for the
/// differential tests.
/// Cuts a stream into top-level JSON objects without parsing them: JSON lines, concatenated pretty-printed
/// objects, or the elements of one top-level array. It tracks only strings and bracket depth, so it resynchronises
/// after damage (a raw newline inside a string, or a new object at column 0 while one is still open) and streams
/// past an over-long value without buffering it. <see cref="Value"/> is valid until the next <see cref="Read"/>.
/// </summary>
internal sealed class ReferenceJsonValueFramer : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;
    private const byte LineFeed = (byte)'\n';
    private const byte OpenObject = (byte)'{';
    private const byte CloseObject = (byte)'}';
    private const byte OpenArray = (byte)'[';
    private const byte CloseArray = (byte)']';
    private const byte Quote = (byte)'"';
    private const byte Backslash = (byte)'\\';
    private const byte Comma = (byte)',';

    private static readonly SearchValues<byte> _structural = SearchValues.Create("\"{}[]\n"u8);
    private static readonly SearchValues<byte> _stringSpecial = SearchValues.Create("\"\\\n"u8);

    private readonly Stream _stream;
    private readonly ParseContext _context;
    private readonly int _maxValueLength;
    private readonly int _bufferCap;
    private readonly bool _offsetsKnown;
    private byte[] _buffer;
    private int _position;
    private int _end;
    private long _bufferFileOffset;
    private bool _eof;
    private long _line = 1;

    private bool _sawAnything;
    private bool _inArray;
    private bool _garbageReported;

    private bool _inValue;
    private bool _skipping;
    private bool _inString;
    private bool _escape;
    private bool _atLineStart;
    private bool _multiLine;
    private int _depth;
    private int _valueStart;
    private long _skippedLength;

    public ReferenceJsonValueFramer(Stream stream, ParseContext context, int maxValueLength)
    {
        _context = context;
        _maxValueLength = Math.Max(16, maxValueLength);
        _bufferCap = (int)Math.Min(Array.MaxLength, (long)_maxValueLength + 1);
        _stream = TextEncodingSniffer.OpenUtf8(stream, out _bufferFileOffset, out _offsetsKnown);
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferSize, _bufferCap));
    }

    /// <summary>The bytes of the current object, from <c>{</c> to its <c>}</c>.</summary>
    public ReadOnlyMemory<byte> Value { get; private set; }

    /// <summary>1-based line where the current object starts.</summary>
    public long ValueLine { get; private set; }

    /// <summary>Byte offset of the current object in the file, or -1 when not known (UTF-16 input).</summary>
    public long ValueOffset { get; private set; }

    /// <summary>Whether the current object spans several lines (pretty-printed) rather than one (JSON lines).</summary>
    public bool ValueIsMultiLine { get; private set; }

    /// <summary>Reports a problem with the current object: by line for JSON lines, by byte offset for a multi-line document.</summary>
    public void Report(string message, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        Report(ValueLine, ValueOffset, ValueIsMultiLine, message, severity);

    /// <summary>Moves to the next top-level object; false at the end of the stream.</summary>
    public bool Read()
    {
        while (true)
        {
            if (_position == _end && !Fill())
            {
                if (_inValue)
                {
                    _inValue = false;
                    Report(ValueLine, ValueOffset, _multiLine, _skipping
                        ? $"JSON value of {_skippedLength + _position} bytes exceeds the {ByteSize.Format(_maxValueLength)} limit and is truncated at end of file, skipped"
                        : "JSON value truncated at end of file, skipped");
                }

                return false;
            }

            if (_inValue ? StepInValue() : StepBetweenValues())
                return true;
        }
    }

    /// <summary>Outside any object: whitespace, array punctuation, the start of the next object, or garbage.</summary>
    private bool StepBetweenValues()
    {
        var b = _buffer[_position];
        switch (b)
        {
            case LineFeed:
                _line++;
                _position++;
                return false;
            case (byte)' ' or (byte)'\t' or (byte)'\r':
                _position++;
                return false;
            case Comma or CloseArray when _inArray:
                _inArray = b != CloseArray;
                _position++;
                return false;
            case OpenArray when !_sawAnything:
                _sawAnything = _inArray = true;
                _position++;
                return false;
            case OpenObject:
                StartValue();
                return false;
            default:
                if (!_garbageReported)
                {
                    _garbageReported = true;
                    Report(_line, -1, false, "not a JSON object; skipped to the next line that starts one");
                }

                _sawAnything = true;
                var newline = _buffer.AsSpan(_position, _end - _position).IndexOf(LineFeed);
                _position = newline < 0 ? _end : _position + newline;
                return false;
        }
    }

    private void StartValue()
    {
        _sawAnything = true;
        _inValue = true;
        _skipping = false;
        _inString = _escape = _atLineStart = _multiLine = false;
        _depth = 0;
        _skippedLength = 0;
        _valueStart = _position;
        ValueLine = _line;
        ValueOffset = _offsetsKnown ? _bufferFileOffset + _position : -1;
    }

    /// <summary>Inside an object: jumps to the next byte that matters; true when the object is complete.</summary>
    private bool StepInValue()
    {
        if (_atLineStart)
        {
            _atLineStart = false;
            if (_buffer[_position] == OpenObject && !_inArray)
            {
                Report(ValueLine, ValueOffset, true, "JSON value cut short by a new object at the start of a line, skipped");
                StartValue();
                return false;
            }
        }

        var pending = _buffer.AsSpan(_position, _end - _position);
        if (_inString)
        {
            if (_escape)
            {
                _escape = false;
                _position++;
                return false;
            }

            var special = pending.IndexOfAny(_stringSpecial);
            if (special < 0)
            {
                _position = _end;
                return false;
            }

            _position += special;
            switch (_buffer[_position])
            {
                case Quote:
                    _inString = false;
                    _position++;
                    break;
                case Backslash:
                    _escape = true;
                    _position++;
                    break;
                default:
                    // A raw newline cannot be inside a JSON string: the value is broken; resume at this line end.
                    _inValue = false;
                    Report(ValueLine, ValueOffset, _multiLine, "JSON string not closed before the end of the line, skipped");
                    break;
            }

            return false;
        }

        var next = pending.IndexOfAny(_structural);
        if (next < 0)
        {
            _position = _end;
            return false;
        }

        _position += next;
        switch (_buffer[_position++])
        {
            case Quote:
                _inString = true;
                return false;
            case OpenObject or OpenArray:
                _depth++;
                return false;
            case LineFeed:
                _line++;
                _multiLine = _atLineStart = true;
                return false;
            default:
                if (--_depth > 0)
                    return false;
                _inValue = false;
                if (_skipping)
                {
                    Report(ValueLine, ValueOffset, _multiLine, $"JSON value of {_skippedLength + _position} bytes exceeds the {ByteSize.Format(_maxValueLength)} limit, skipped");
                    return false;
                }

                _garbageReported = false;
                Value = _buffer.AsMemory(_valueStart, _position - _valueStart);
                ValueIsMultiLine = _multiLine;
                return true;
        }
    }

    private void Report(long line, long offset, bool multiLine, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        if (multiLine && offset >= 0)
            _context.ReportOffset(offset, message, severity);
        else
            _context.ReportLine(line, message, severity);
    }

    /// <summary>Reads more bytes, keeping the object in progress (unless it is being skipped) at the front of the buffer.</summary>
    private bool Fill()
    {
        if (_eof)
            return false;
        _context.CancellationToken.ThrowIfCancellationRequested();
        if (_inValue && !_skipping && _end - _valueStart >= _bufferCap)
        {
            _skipping = true;
            _skippedLength = -_valueStart;
        }

        var keep = _inValue && !_skipping ? _valueStart : _position;
        if (keep > 0)
        {
            Buffer.BlockCopy(_buffer, keep, _buffer, 0, _end - keep);
            _bufferFileOffset += keep;
            if (_skipping)
                _skippedLength += keep;
            _valueStart -= keep;
            _position -= keep;
            _end -= keep;
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
        {
            _eof = true;
            return false;
        }

        _end += read;
        return true;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        Value = default;
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
        _stream.Dispose();
    }
}
