using System.Security.Cryptography;
using System.Text;

namespace Ooda.Reports.Internal;

/// <summary>Name-based UUIDs (RFC 9562 version 5, SHA-1), so the same content always exports under the same id.</summary>
internal static class Uuid5
{
    /// <summary>Ooda's namespace for export ids (a fixed random UUID).</summary>
    public static readonly Guid Namespace = new("6f1d2a4e-93c5-4b7a-8e0f-5d3c2b1a0f9e");

    public static Guid Create(Guid ns, string name)
    {
        Span<byte> nsBytes = stackalloc byte[16];
        ns.TryWriteBytes(nsBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        nsBytes.CopyTo(input);
        nameBytes.CopyTo(input, 16);
#pragma warning disable CA5350 // RFC 9562 defines version 5 with SHA-1; it names, it does not protect.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public static string Create(string name) => Create(Namespace, name).ToString("D");
}
