using Ooda.Core;

namespace Ooda.Store;

/// <summary>The stable lower-case names source kinds have in the store and in JSON output.</summary>
public static class SourceKindNames
{
    public static string Of(SourceKind kind) => kind switch
    {
        SourceKind.WindowsEvent => "windows-event",
        SourceKind.FlatJson => "flat-json",
        SourceKind.IisW3c => "iis-w3c",
        SourceKind.W3c => "w3c",
        SourceKind.IisLegacy => "iis-legacy",
        SourceKind.ExchangeLog => "exchange-log",
        SourceKind.Csv => "csv",
        _ => "unknown",
    };

    public static SourceKind Parse(string name) => name switch
    {
        "windows-event" => SourceKind.WindowsEvent,
        "flat-json" => SourceKind.FlatJson,
        "iis-w3c" => SourceKind.IisW3c,
        "w3c" => SourceKind.W3c,
        "iis-legacy" => SourceKind.IisLegacy,
        "exchange-log" => SourceKind.ExchangeLog,
        "csv" => SourceKind.Csv,
        _ => SourceKind.Unknown,
    };
}
