namespace Ooda.Formats.Evtx.Internal;

/// <summary>Builds each record's tree (the public <see cref="EvtxRecord"/> API).</summary>
internal sealed class TreeSink : IRecordSink
{
    public List<EvtxRecord> Records { get; } = [];

    public void Add(BinXmlParser parser, int start, int end, in RecordInfo record) =>
        Records.Add(new EvtxRecord(record.RecordId, record.Written, record.ChunkIndex, record.Offset, parser.ParseRecord(start, end), record.Recovered));
}
