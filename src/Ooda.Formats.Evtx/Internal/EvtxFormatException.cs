namespace Ooda.Formats.Evtx.Internal;

/// <summary>Corrupt Binary XML inside one record; never escapes the parser.</summary>
internal sealed class EvtxFormatException : Exception
{
    public EvtxFormatException(string message, int chunkOffset)
        : base(message) => ChunkOffset = chunkOffset;

    public EvtxFormatException()
    {
    }

    public EvtxFormatException(string message)
        : base(message)
    {
    }

    public EvtxFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int ChunkOffset { get; }
}
