namespace Ooda.Demo.Internal;

/// <summary>One Windows event before rendering; EventData values are strings or integers.</summary>
internal sealed class WinEvent
{
    public required DateTime Time { get; init; }

    public required EventChannel Channel { get; init; }

    public required int EventId { get; init; }

    /// <summary>Classic (pre-Vista) providers carry Qualifiers on EventID.</summary>
    public int? Qualifiers { get; init; }

    public int? Version { get; init; }

    public int Level { get; init; }

    public int Task { get; init; }

    public int? Opcode { get; init; }

    public required string Keywords { get; init; }

    public string? ActivityId { get; init; }

    public int? ProcessId { get; init; }

    public int? ThreadId { get; init; }

    /// <summary>System/Security/@UserID; null renders <c>"Security": null</c>.</summary>
    public string? UserId { get; init; }

    /// <summary>Named EventData items, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Data { get; init; } = [];

    /// <summary>Unnamed <c>&lt;Data&gt;</c> items (classic providers), rendered as <c>Data.#text</c>.</summary>
    public IReadOnlyList<string>? UnnamedData { get; init; }

    /// <summary>Hex of the <c>&lt;Binary&gt;</c> element of classic events.</summary>
    public string? Binary { get; init; }
}
