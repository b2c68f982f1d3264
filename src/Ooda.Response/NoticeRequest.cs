using Ooda.Store;

namespace Ooda.Response;

/// <summary>What the customer notification is written from.</summary>
public sealed record NoticeRequest
{
    public required string CaseId { get; init; }

    public required string CaseTitle { get; init; }

    public required string Tenant { get; init; }

    public required ResponsePolicy Policy { get; init; }

    /// <summary>One line per finding worth telling: what, where, when.</summary>
    public IReadOnlyList<string> Found { get; init; } = [];

    /// <summary>The case's actions after dispatch, with their states.</summary>
    public required IReadOnlyList<StoredAction> Actions { get; init; }

    /// <summary>The file name of the script handed over with the notice, when there is one.</summary>
    public string? ScriptName { get; init; }

    public required DateTime WrittenAt { get; init; }
}
