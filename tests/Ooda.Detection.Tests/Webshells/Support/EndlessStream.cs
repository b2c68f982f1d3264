namespace Ooda.Detection.Tests.Webshells.Support;

/// <summary>A read-only stream of <c>length</c> spaces made on the fly (so a huge file costs no memory), with marks at chosen offsets.</summary>
internal sealed class EndlessStream : Stream
{
    private readonly long _length;
    private readonly (long Offset, byte[] Bytes)[] _marks;
    private long _position;

    public EndlessStream(long length, params (long Offset, byte[] Bytes)[] marks)
    {
        _length = length;
        _marks = marks;
    }

    public long BytesRead => _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, _length - _position);
        var span = buffer.AsSpan(offset, n);
        span.Fill((byte)' ');
        foreach (var (at, bytes) in _marks)
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                var p = at + i - _position;
                if (p >= 0 && p < n)
                    span[(int)p] = bytes[i];
            }
        }

        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
