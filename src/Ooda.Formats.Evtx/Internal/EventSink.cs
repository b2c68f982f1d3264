using Ooda.Core;

namespace Ooda.Formats.Evtx.Internal;

/// <summary>Maps each record straight from its template instance to the event model.</summary>
internal sealed class EventSink : IRecordSink, IDisposable
{
    private readonly ParseContext _context;
    private readonly Utf8Buffer _scratch = new(1024);
    private int _capacity = 48;

    public EventSink(ParseContext context) => _context = context;

    public List<EvidenceEvent> Events { get; } = [];

    public void Add(BinXmlParser parser, int start, int end, in RecordInfo record)
    {
        var e = EventFieldMapper.Map(parser.ParseRecordView(start, end), record.RecordId, record.Written, record.Offset, _context, _scratch, _capacity);
        _capacity = Math.Max(e.Fields.Count, 8);
        Events.Add(e);
    }

    public void Dispose() => _scratch.Dispose();
}
