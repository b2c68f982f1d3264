using System.Diagnostics.CodeAnalysis;

namespace Ooda.Formats.Evtx.Internal;

/// <summary>Throws for corrupt content; callers catch per record and turn it into a diagnostic.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void Corrupt(string what, int chunkOffset) =>
        throw new EvtxFormatException($"{what} at chunk offset 0x{chunkOffset:x}", chunkOffset);

    [DoesNotReturn]
    public static T Corrupt<T>(string what, int chunkOffset) =>
        throw new EvtxFormatException($"{what} at chunk offset 0x{chunkOffset:x}", chunkOffset);
}
