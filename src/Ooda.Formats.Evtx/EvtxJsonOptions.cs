namespace Ooda.Formats.Evtx;

/// <summary>How records are written as JSON.</summary>
public sealed record EvtxJsonOptions
{
    /// <summary>Pretty JSON: each record an indented object, records separated by a newline (the crate's <c>-o json</c> without headers).</summary>
    public static EvtxJsonOptions Pretty { get; } = new() { Indented = true };

    /// <summary>JSON Lines: one compact object per line (the crate's <c>-o jsonl</c>).</summary>
    public static EvtxJsonOptions Lines { get; } = new() { Indented = false };

    public bool Indented { get; init; } = true;
}
