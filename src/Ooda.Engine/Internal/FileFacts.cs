using System.Security.Cryptography;

namespace Ooda.Engine.Internal;

/// <summary>The SHA-256, size and first bytes of a file, read in one pass.</summary>
internal sealed record FileFacts(string Sha256, long Size, byte[] Head)
{
    public const int HeadLength = 4096;

    public static FileFacts Read(string path, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            byte[]? head = null;
            long size = 0;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (head is null || head.Length < HeadLength)
                    head = Append(head, buffer.AsSpan(0, Math.Min(read, HeadLength - (head?.Length ?? 0))));
                hash.AppendData(buffer, 0, read);
                size += read;
            }

            return new FileFacts(Convert.ToHexStringLower(hash.GetHashAndReset()), size, head ?? []);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Append(byte[]? head, ReadOnlySpan<byte> more) => [.. head ?? [], .. more];
}
