namespace Ooda.Formats.Evtx.Internal;

/// <summary>Renders each record straight from its template instance as evtxexport-shaped XML followed by a blank line.</summary>
internal sealed class XmlSink : IRenderedSink
{
    public XmlSink(Utf8Buffer output) => Output = output;

    public Utf8Buffer Output { get; }

    public int Count { get; private set; }

    public void Add(BinXmlParser parser, int start, int end, in RecordInfo record)
    {
        var mark = Output.Length;
        try
        {
            XmlRenderer.WriteElement(Output, parser.ParseRecordView(start, end), 0);
            Output.Write((byte)'\n');
            Count++;
        }
        catch (EvtxFormatException)
        {
            Output.Truncate(mark);
            throw;
        }
    }
}
