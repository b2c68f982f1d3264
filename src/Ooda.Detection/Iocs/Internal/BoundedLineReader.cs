using System.Text;

namespace Ooda.Detection.Iocs.Internal;

/// <summary>Reads lines of at most a given length; a longer line is skipped without being held in memory.</summary>
internal sealed class BoundedLineReader(TextReader reader, int maxChars)
{
    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _length;
    private bool _ended;

    /// <summary>1-based number of the line last read.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Reads the next line (without CR/LF); <paramref name="line"/> is null when it was too long. False at the end.</summary>
    public bool TryReadLine(out string? line)
    {
        _line.Clear();
        var tooLong = false;
        var any = false;
        while (true)
        {
            if (_position == _length)
            {
                if (_ended)
                    break;
                _length = reader.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                if (_length == 0)
                {
                    _ended = true;
                    break;
                }
            }

            any = true;
            var span = _buffer.AsSpan(_position, _length - _position);
            var newline = span.IndexOf('\n');
            var chunk = newline < 0 ? span : span[..newline];
            if (!tooLong)
            {
                if (_line.Length + chunk.Length > maxChars + 1)
                {
                    tooLong = true;
                    _line.Clear();
                }
                else
                {
                    _line.Append(chunk);
                }
            }

            if (newline >= 0)
            {
                _position += newline + 1;
                return Done(out line);
            }

            _position = _length;
        }

        line = null;
        return any && Done(out line);

        bool Done(out string? text)
        {
            LineNumber++;
            if (!tooLong && _line.Length > 0 && _line[^1] == '\r')
                _line.Length--;
            text = tooLong || _line.Length > maxChars ? null : _line.ToString();
            return true;
        }
    }
}
