namespace Ooda.Formats.Evtx.Internal;

/// <summary>What a chunk's records become: trees, JSON, XML or events, decoded on the worker that read the chunk.</summary>
internal interface IRecordSink
{
    /// <summary>Decodes one record's Binary XML (<paramref name="start"/>..<paramref name="end"/>) and keeps it; throws <see cref="EvtxFormatException"/> when it is corrupt, having kept nothing.</summary>
    void Add(BinXmlParser parser, int start, int end, in RecordInfo record);
}
