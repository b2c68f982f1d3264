using Ooda.Store;

namespace Ooda.Response;

/// <summary>What the customer-side script is generated from.</summary>
public sealed record ScriptRequest
{
    public required string CaseId { get; init; }

    public required string Tenant { get; init; }

    public required ResponseMode Mode { get; init; }

    /// <summary>The steps, in the order they are to run.</summary>
    public required IReadOnlyList<StoredAction> Actions { get; init; }

    public required DateTime GeneratedAt { get; init; }

    /// <summary>The default of the script's <c>-QuarantineFolder</c> parameter.</summary>
    public string QuarantineFolder { get; init; } = @"C:\OodaQuarantine";
}
