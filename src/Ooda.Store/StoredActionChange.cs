namespace Ooda.Store;

/// <summary>A state change to record on an action.</summary>
/// <param name="To">The new state.</param>
/// <param name="ExpectedFrom">The state the caller decided from; the change fails when the action has moved on since.</param>
public sealed record StoredActionChange(string To, string ExpectedFrom)
{
    public string? Via { get; init; }

    public string? AuthorizedBy { get; init; }

    public string? Mode { get; init; }

    public IReadOnlyList<string> ContactsTried { get; init; } = [];

    public string? Note { get; init; }
}
