using System.Globalization;
using System.Text;

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
    private readonly List<string> _fields = [];
    private readonly StringBuilder _field = new();
    private readonly char[] _buffer = new char[MaxLineChars];
    private int _nextLine = 1;

    /// <summary>The header's field count once known; a multi-line record of another width is treated as an unclosed quote.</summary>
    public int? ExpectedFields { get; set; }

    /// <summary>The next record (or a bad line), null at end of file.</summary>
    public CsvRecord? Read()
    {
        if (NextLine() is not { } first)
            return null;
        var (length, number) = first;
        if (length < 0)
            return new CsvRecord(null, number, string.Create(CultureInfo.InvariantCulture, $"line longer than {MaxLineChars:N0} characters; skipped"));

        _fields.Clear();
        _field.Clear();
        List<(string? Text, int Number)>? continuation = null;
        var quoted = false;
        var fieldStarted = false;
        ReadOnlySpan<char> text = _buffer.AsSpan(0, length);
        while (true)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c != '"')
                        _field.Append(c);
                    else if (i + 1 < text.Length && text[i + 1] == '"')
                        _field.Append(text[++i]);
                    else
                        quoted = false;
                }
                else if (c == '"' && !fieldStarted)
                {
                    quoted = true;
                    fieldStarted = true;
                }
                else if (c == ',')
                {
                    _fields.Add(_field.ToString());
                    _field.Clear();
                    fieldStarted = false;
                }
                else
                {
                    _field.Append(c);
                    fieldStarted = true;
                }
            }

            if (!quoted)
                break;

            // The quoted field goes on at the next line, unless the file ends or the record grows past reason.
            var next = (continuation?.Count ?? 0) < MaxRecordLines - 1 ? NextLine() : null;
            if (next is null)
                return Unclosed(number, continuation);
            var (nextLength, nextNumber) = next.Value;
            var nextText = nextLength < 0 ? null : new string(_buffer, 0, nextLength);
            (continuation ??= []).Add((nextText, nextNumber));
            if (nextText is null)
                return Unclosed(number, continuation);
            _field.Append('\n');
            text = nextText;
        }

        _fields.Add(_field.ToString());
        if (continuation is not null && ExpectedFields is { } expected && _fields.Count != expected)
            return Unclosed(number, continuation);
        return new CsvRecord([.. _fields], number, null);
    }

    private CsvRecord Unclosed(int line, List<(string? Text, int Number)>? swallowed)
    {
        for (var i = (swallowed?.Count ?? 0) - 1; i >= 0; i--)
            _replay.Push(swallowed![i]);
        return new CsvRecord(null, line, "unterminated quoted field; line skipped");
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
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            if (c == '\n')
                break;
            if (length < MaxLineChars)
                _buffer[length++] = (char)c;
            else
                tooLong = true;
        }

        if (!any)
            return null;
        if (length > 0 && _buffer[length - 1] == '\r')
            length--;
        var number = _nextLine++;
        return (tooLong ? -1 : length, number);
    }
}
