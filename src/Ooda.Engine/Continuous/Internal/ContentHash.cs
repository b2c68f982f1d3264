using System.Buffers;
using System.Security.Cryptography;

namespace Ooda.Engine.Continuous.Internal;

/// <summary>SHA-256 of a stream, optionally copied to a file on the way, refusing content past a size limit.</summary>
internal static class ContentHash
{
    private const int BufferSize = 1 << 16;

    /// <returns>The lower-case hex hash and the size; null when the content is larger than <paramref name="maxSize"/>.</returns>
    public static async Task<(string Sha256, long Size)?> ComputeAsync(Stream source, Stream? copy, long maxSize, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long size = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                size += read;
                if (size > maxSize)
                    return null;
                hash.AppendData(buffer, 0, read);
                if (copy is not null)
                    await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static async Task<(string Sha256, long Size)?> OfFileAsync(string path, long maxSize, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
            return await ComputeAsync(stream, null, maxSize, cancellationToken).ConfigureAwait(false);
    }
}
