using System.Buffers;

namespace Ooda.Formats.Evtx.Internal;

/// <summary>
/// Reads chunks in file order and decodes up to N at once on the thread pool, yielding results in file order;
/// at most N chunks (and their records) are alive beyond what the consumer holds.
/// </summary>
/// <remarks>Chunk buffers are rented when <c>pooled</c> (nothing may keep them past decoding), else allocated (trees borrow them).</remarks>
internal static class ChunkPipeline
{
    public static IEnumerable<T> Run<T>(Stream stream, long firstChunkOffset, int parallelism, bool pooled, Func<byte[], int, int, long, T> decode, CancellationToken cancellationToken)
    {
        parallelism = Math.Max(1, parallelism);
        var pending = new Queue<Task<T>>(parallelism);
        var chunkIndex = 0;
        var offset = firstChunkOffset;
        var exhausted = false;
        try
        {
            while (true)
            {
                while (!exhausted && pending.Count < parallelism)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var buffer = pooled ? ArrayPool<byte>.Shared.Rent(ChunkLayout.Size) : new byte[ChunkLayout.Size];
                    var length = ReadFully(stream, buffer.AsSpan(0, ChunkLayout.Size));
                    if (length == 0)
                    {
                        if (pooled)
                            ArrayPool<byte>.Shared.Return(buffer);
                        exhausted = true;
                        break;
                    }

                    if (length < ChunkLayout.Size)
                        exhausted = true;
                    var index = chunkIndex++;
                    var at = offset;
                    offset += length;
                    pending.Enqueue(parallelism == 1
                        ? Task.FromResult(DecodeOne(decode, buffer, length, index, at, pooled))
                        : Task.Run(() => DecodeOne(decode, buffer, length, index, at, pooled), cancellationToken));
                }

                if (pending.Count == 0)
                    yield break;
                yield return pending.Dequeue().GetAwaiter().GetResult();
            }
        }
        finally
        {
            // An abandoned enumeration still lets in-flight work finish before the caller disposes the stream.
            foreach (var task in pending)
            {
                try
                {
                    task.Wait(CancellationToken.None);
                }
                catch (AggregateException)
                {
                }
            }
        }
    }

    private static T DecodeOne<T>(Func<byte[], int, int, long, T> decode, byte[] buffer, int length, int index, long offset, bool pooled)
    {
        try
        {
            return decode(buffer, length, index, offset);
        }
        finally
        {
            if (pooled)
                ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int ReadFully(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer[total..]);
            if (read == 0)
                break;
            total += read;
        }

        return total;
    }
}
