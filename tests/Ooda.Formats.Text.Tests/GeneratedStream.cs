namespace Ooda.Formats.Text.Tests;

/// <summary>
/// A read-only stream of <c>prefix</c>, then <c>fillLength</c> copies of one byte made on the fly (never stored),
/// then <c>suffix</c> — for inputs of hundreds of megabytes at no memory cost.
/// </summary>
internal sealed class GeneratedStream(byte[] prefix, long fillLength, byte fill, byte[] suffix) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => prefix.Length + fillLength + suffix.Length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length && _position < Length)
        {
            var target = buffer[written..];
            int n;
            if (_position < prefix.Length)
            {
                n = Math.Min(target.Length, prefix.Length - (int)_position);
                prefix.AsSpan((int)_position, n).CopyTo(target);
            }
            else if (_position < prefix.Length + fillLength)
            {
                n = (int)Math.Min(target.Length, prefix.Length + fillLength - _position);
                target[..n].Fill(fill);
            }
            else
            {
                var at = (int)(_position - prefix.Length - fillLength);
                n = Math.Min(target.Length, suffix.Length - at);
                suffix.AsSpan(at, n).CopyTo(target);
            }

            written += n;
            _position += n;
        }

        return written;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
