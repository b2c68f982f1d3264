namespace Ooda.Formats.Evtx.Internal;

/// <summary>
/// Reads chunks in file order and decodes up to N at once on the thread pool, yielding results in file order;
/// at most N chunks (and their records) are alive beyond what the consumer holds.
/// </summary>
internal static class ChunkPipeline
{
    public static IEnumerable<T> Run<T>(Stream stream, long firstChunkOffset, int parallelism, Func<byte[], int, int, long, T> decode, CancellationToken cancellationToken)
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
                    var buffer = new byte[ChunkLayout.Size]; // records borrow it, so it is not pooled
                    var length = ReadFully(stream, buffer);
                    if (length == 0)
                    {
                        exhausted = true;
                        break;
                    }

                    if (length < ChunkLayout.Size)
                        exhausted = true;
                    var index = chunkIndex++;
                    var at = offset;
                    offset += length;
                    pending.Enqueue(parallelism == 1
                        ? Task.FromResult(decode(buffer, length, index, at))
                        : Task.Run(() => decode(buffer, length, index, at), cancellationToken));
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

    private static int ReadFully(Stream stream, byte[] buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
                break;
            total += read;
        }

        return total;
    }
}
