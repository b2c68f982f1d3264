namespace Ooda.Formats.Evtx.Internal;

/// <summary>A sink that renders records as UTF-8 text (JSON or XML) into one buffer per chunk.</summary>
internal interface IRenderedSink : IRecordSink
{
    Utf8Buffer Output { get; }

    int Count { get; }
}
