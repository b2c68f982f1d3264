namespace Ooda.Core;

/// <summary>What kind of evidence an event came from; decides which fields it can carry.</summary>
public enum SourceKind
{
    Unknown = 0,
    /// <summary>A Windows event (EVTX or its JSON rendering).</summary>
    WindowsEvent,
    /// <summary>A flat JSON object, field → value.</summary>
    FlatJson,
    /// <summary>An IIS W3C extended log line.</summary>
    IisW3c,
    /// <summary>Any other W3C extended-format log (Windows Firewall, proxies).</summary>
    W3c,
    /// <summary>The older comma-separated IIS log format.</summary>
    IisLegacy,
    /// <summary>An Exchange CSV log (HttpProxy, ECP, OAB, …) with a #Fields header.</summary>
    ExchangeLog,
    /// <summary>A CSV export with a header row.</summary>
    Csv,
}
