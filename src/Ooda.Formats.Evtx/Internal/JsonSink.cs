namespace Ooda.Formats.Evtx.Internal;

/// <summary>Renders each record straight from its template instance as crate-shaped JSON, one record then a newline.</summary>
internal sealed class JsonSink : IRenderedSink
{
    private readonly JsonEmitter _json;
    private readonly CrateJsonRenderer _renderer;

    public JsonSink(Utf8Buffer output, bool indented)
    {
        Output = output;
        _json = new JsonEmitter(output, indented);
        _renderer = new CrateJsonRenderer(_json);
    }

    public Utf8Buffer Output { get; }

    public int Count { get; private set; }

    public void Add(BinXmlParser parser, int start, int end, in RecordInfo record)
    {
        var mark = Output.Length;
        try
        {
            _renderer.WriteRecord(parser.ParseRecordView(start, end));
            Output.Write((byte)'\n');
            Count++;
        }
        catch (EvtxFormatException)
        {
            Output.Truncate(mark);
            _json.Reset();
            throw;
        }
    }
}
