using System.Buffers;
using System.Security.Cryptography;

namespace Ooda.Detection.Iocs.Internal;

/// <summary>The digests a captured file is checked by, computed in one read of its content.</summary>
internal readonly record struct FileDigests(string? Md5, string? Sha1, string? Sha256)
{
    private const int BufferSize = 1 << 16;

    public static FileDigests Compute(Stream content, bool md5, bool sha1, bool sha256)
    {
        using var md5Hash = md5 ? IncrementalHash.CreateHash(HashAlgorithmName.MD5) : null;
        using var sha1Hash = sha1 ? IncrementalHash.CreateHash(HashAlgorithmName.SHA1) : null;
        using var sha256Hash = sha256 ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = content.Read(buffer, 0, BufferSize)) > 0)
            {
                md5Hash?.AppendData(buffer, 0, read);
                sha1Hash?.AppendData(buffer, 0, read);
                sha256Hash?.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new FileDigests(Hex(md5Hash), Hex(sha1Hash), Hex(sha256Hash));
    }

    private static string? Hex(IncrementalHash? hash) => hash is null ? null : Convert.ToHexStringLower(hash.GetHashAndReset());
}
