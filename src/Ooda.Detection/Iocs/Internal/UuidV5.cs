using System.Security.Cryptography;
using System.Text;

namespace Ooda.Detection.Iocs.Internal;

/// <summary>Name-based UUIDs (RFC 9562 §5.5, SHA-1): the same name always gives the same id, so exports are reproducible.</summary>
internal static class UuidV5
{
    /// <summary>The RFC's namespace for URL names.</summary>
    public static readonly Guid UrlNamespace = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    /// <summary>Ooda's namespace for STIX object ids: the v5 UUID of <c>urn:ooda:stix</c> in the URL namespace.</summary>
    public static readonly Guid Namespace = Create(UrlNamespace, "urn:ooda:stix");

    public static Guid Create(Guid space, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        space.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
