using System.Globalization;

namespace Ooda.Engine.Triage.Internal;

/// <summary>
/// Reads RFC 4180 CSV records one at a time and keeps the line number for diagnostics. A quoted field may span lines,
/// but a quote that never closes (or a multi-line record with the wrong field count) costs only the line it opened on:
/// the lines it swallowed are read again as records of their own. Lines and records are bounded in size.
/// </summary>
internal sealed class CsvCursor(TextReader reader)
{
    public const int MaxLineChars = 64 * 1024;
    public const int MaxRecordLines = 32;

    private readonly Stack<(string? Text, int Number)> _replay = new();
    private readonly List<(int Start, int Length)> _fields = [];
    private readonly char[] _buffer = new char[MaxLineChars];
    private readonly char[] _block = new char[1 << 16];
    private char[] _text = new char[1024];
    private int _textLength;
    private int _blockStart;
    private int _blockEnd;
    private bool _exhausted;
    private int _nextLine = 1;

    /// <summary>The header's field count once known; a multi-line record of another width is treated as an unclosed quote.</summary>
    public int? ExpectedFields { get; set; }

    /// <summary>The fields of the record <see cref="Advance"/> moved to.</summary>
    public int FieldCount => _fields.Count;

    /// <summary>One field of the record <see cref="Advance"/> moved to, unquoted; valid until the next call.</summary>
    public ReadOnlySpan<char> Field(int index)
    {
        var (start, length) = _fields[index];
        return _text.AsSpan(start, length);
    }

    /// <summary>The next record (or a bad line) with its fields as strings, null at end of file.</summary>
    public CsvRecord? Read()
    {
        if (!Advance(out var line, out var error))
            return null;
        if (error is not null)
            return new CsvRecord(null, line, error);
        var fields = new string[_fields.Count];
        for (var i = 0; i < fields.Length; i++)
            fields[i] = Field(i).ToString();
        return new CsvRecord(fields, line, null);
    }

    /// <summary>
    /// Moves to the next record: its fields are then <see cref="FieldCount"/> and <see cref="Field"/>, or
    /// <paramref name="error"/> says why the line at <paramref name="line"/> is not one. False at end of file.
    /// </summary>
    public bool Advance(out int line, out string? error)
    {
        error = null;
        if (NextLine() is not { } first)
        {
            line = 0;
            return false;
        }

        var (length, number) = first;
        line = number;
        _fields.Clear();
        _textLength = 0;
        if (length < 0)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"line longer than {MaxLineChars:N0} characters; skipped");
            return true;
        }

        List<(string? Text, int Number)>? continuation = null;
        var quoted = false;
        var fieldStart = 0;
        var fieldStarted = false;
        ReadOnlySpan<char> text = _buffer.AsSpan(0, length);
        while (true)
        {
            var i = 0;
            while (i < text.Length)
            {
                if (quoted)
                {
                    // Inside quotes: copy up to the next quote; a doubled quote is one quote, a single one closes.
                    var quote = text[i..].IndexOf('"');
                    if (quote < 0)
                    {
                        Append(text[i..]);
                        i = text.Length;
                        break;
                    }

                    Append(text.Slice(i, quote));
                    i += quote + 1;
                    if (i < text.Length && text[i] == '"')
                    {
                        Append("\"");
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else if (!fieldStarted && text[i] == '"')
                {
                    quoted = true;
                    fieldStarted = true;
                    i++;
                }
                else
                {
                    // Unquoted (or after a closing quote): everything up to the comma is the field's, quotes included.
                    var comma = text[i..].IndexOf(',');
                    var end = comma < 0 ? text.Length : i + comma;
                    Append(text[i..end]);
                    fieldStarted = fieldStarted || end > i;
                    i = end;
                    if (comma < 0)
                        break;
                    _fields.Add((fieldStart, _textLength - fieldStart));
                    fieldStart = _textLength;
                    fieldStarted = false;
                    i++;
                }
            }

            if (!quoted)
                break;

            // The quoted field goes on at the next line, unless the file ends or the record grows past reason.
            var next = (continuation?.Count ?? 0) < MaxRecordLines - 1 ? NextLine() : null;
            if (next is null)
            {
                error = Unclosed(continuation);
                return true;
            }

            var (nextLength, nextNumber) = next.Value;
            var nextText = nextLength < 0 ? null : new string(_buffer, 0, nextLength);
            (continuation ??= []).Add((nextText, nextNumber));
            if (nextText is null)
            {
                error = Unclosed(continuation);
                return true;
            }

            Append("\n");
            text = nextText;
        }

        _fields.Add((fieldStart, _textLength - fieldStart));
        if (continuation is not null && ExpectedFields is { } expected && _fields.Count != expected)
            error = Unclosed(continuation);
        return true;
    }

    private void Append(ReadOnlySpan<char> chars)
    {
        if (_textLength + chars.Length > _text.Length)
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + chars.Length));
        chars.CopyTo(_text.AsSpan(_textLength));
        _textLength += chars.Length;
    }

    private string Unclosed(List<(string? Text, int Number)>? swallowed)
    {
        for (var i = (swallowed?.Count ?? 0) - 1; i >= 0; i--)
            _replay.Push(swallowed![i]);
        _fields.Clear();
        return "unterminated quoted field; line skipped";
    }

    /// <summary>
    /// Puts the next physical line, without its line break, at the start of the buffer and gives its length; the length
    /// is -1 when the line is too long (the rest of it is skipped). Null at end of file.
    /// </summary>
    private (int Length, int Number)? NextLine()
    {
        if (_replay.TryPop(out var replayed))
        {
            if (replayed.Text is null)
                return (-1, replayed.Number);
            replayed.Text.CopyTo(_buffer);
            return (replayed.Text.Length, replayed.Number);
        }

        var length = 0;
        var tooLong = false;
        var any = false;
        while (true)
        {
            if (_blockStart == _blockEnd)
            {
                _blockStart = 0;
                _blockEnd = _exhausted ? 0 : reader.Read(_block, 0, _block.Length);
                if (_blockEnd == 0)
                {
                    _exhausted = true;
                    break;
                }
            }

            // Whole blocks at a time: a call per character was most of the cost on large inventories.
            any = true;
            var rest = _block.AsSpan(_blockStart, _blockEnd - _blockStart);
            var newline = rest.IndexOf('\n');
            var take = newline < 0 ? rest.Length : newline;
            var room = Math.Min(take, MaxLineChars - length);
            rest[..room].CopyTo(_buffer.AsSpan(length));
            length += room;
            tooLong |= take > room;
            _blockStart += take;
            if (newline >= 0)
            {
                _blockStart++;
                break;
            }
        }

        if (!any)
            return null;
        if (length > 0 && _buffer[length - 1] == '\r')
            length--;
        var number = _nextLine++;
        return (tooLong ? -1 : length, number);
    }
}
