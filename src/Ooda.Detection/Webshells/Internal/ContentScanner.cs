using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace Ooda.Detection.Webshells.Internal;

/// <summary>
/// Reads at most a bounded prefix of a file and looks for the stub patterns in it, as Latin-1 (one char per byte, so
/// offsets are byte offsets and any ASCII-compatible encoding works) and, when the bytes look UTF-16LE, as UTF-16 too.
/// Patterns run non-backtracking: linear in the content whatever an attacker put there.
/// </summary>
internal sealed class ContentScanner
{
    private readonly (WebshellPattern Pattern, Regex Regex)[] _patterns;
    private readonly int _maxBytes;

    public ContentScanner(IReadOnlyList<WebshellPattern> patterns, int maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        _maxBytes = maxBytes;
        _patterns = patterns
            .Select(p => (p, new Regex(p.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)))
            .ToArray();
    }

    /// <summary>The first 16 bytes and the patterns found (each once, at its first offset) in the stream's first bytes.</summary>
    public ContentResult Scan(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(16, _maxBytes));
        try
        {
            var length = 0;
            int read;
            while (length < _maxBytes && (read = stream.Read(buffer, length, _maxBytes - length)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                length += read;
            }

            var truncated = length == _maxBytes && stream.ReadByte() >= 0;
            var bytes = buffer.AsSpan(0, length);
            var hits = new List<(WebshellPattern, long)>();
            Find(bytes, Encoding.Latin1, 1, hits);
            if (LooksUtf16(bytes))
                Find(bytes, Encoding.Unicode, 2, hits);
            return new ContentResult(bytes[..Math.Min(16, length)].ToArray(), hits, length, truncated);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A BOM, or NUL in at least a quarter of the odd bytes of the first KiB (ASCII text stored as UTF-16LE).</summary>
    private static bool LooksUtf16(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return true;
        var sample = bytes[..Math.Min(1024, bytes.Length)];
        int odd = 0, nul = 0;
        for (var i = 1; i < sample.Length; i += 2, odd++)
        {
            if (sample[i] == 0)
                nul++;
        }

        return odd >= 8 && nul * 4 >= odd;
    }

    private void Find(ReadOnlySpan<byte> bytes, Encoding encoding, int bytesPerChar, List<(WebshellPattern, long)> hits)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, encoding.GetMaxCharCount(bytes.Length)));
        try
        {
            var count = encoding.GetChars(bytes[..(bytes.Length / bytesPerChar * bytesPerChar)], chars);
            var text = chars.AsSpan(0, count);
            foreach (var (pattern, regex) in _patterns)
            {
                if (hits.Exists(h => h.Item1 == pattern))
                    continue;
                foreach (var match in regex.EnumerateMatches(text))
                {
                    hits.Add((pattern, (long)match.Index * bytesPerChar));
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
