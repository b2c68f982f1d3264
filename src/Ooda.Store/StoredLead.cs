namespace Ooda.Store;

/// <summary>
/// A lead as stored: the findings of one detection on one host (its <see cref="DedupKey"/>), its state in the analysts'
/// queue and its SLA clocks. <see cref="FirstSeen"/> and <see cref="LastSeen"/> are evidence times (when the evidence says
/// it happened, or when it was hunted if it does not say); <see cref="RaisedAt"/> is when the lead entered the queue.
/// </summary>
public sealed record StoredLead
{
    public required string Id { get; init; }

    /// <summary>tenant, host (lower case) and the detection (runbook and hunt, or detector and rule), joined by <c>|</c>.</summary>
    public required string DedupKey { get; init; }

    public required string Tenant { get; init; }

    public required string Host { get; init; }

    public required string Title { get; init; }

    /// <summary>The highest severity of its findings: informational, low, medium, high or critical.</summary>
    public required string Severity { get; init; }

    /// <summary>The detector of its first finding: sigma, ioc, yara, webshell or sql.</summary>
    public required string Detector { get; init; }

    /// <summary>One of <see cref="LeadStates"/>.</summary>
    public required string State { get; init; }

    public required DateTime FirstSeen { get; init; }

    public required DateTime LastSeen { get; init; }

    /// <summary>How many distinct findings it holds.</summary>
    public required int Count { get; init; }

    public IReadOnlyList<string> FindingIds { get; init; } = [];

    public required DateTime RaisedAt { get; init; }

    public required DateTime AckDueAt { get; init; }

    public required DateTime ResolveDueAt { get; init; }

    public DateTime? AcknowledgedAt { get; init; }

    public string? AcknowledgedBy { get; init; }

    /// <summary>When it was dismissed or escalated to a case.</summary>
    public DateTime? ClosedAt { get; init; }

    public string? ClosedBy { get; init; }

    public string? DismissReason { get; init; }

    public string? CaseId { get; init; }

    public required DateTime UpdatedAt { get; init; }

    /// <summary>Still new when its acknowledgement was due.</summary>
    public bool IsAckOverdue(DateTime now) => State == LeadStates.New && now > AckDueAt;

    /// <summary>Still open (new or acknowledged) when its resolution was due.</summary>
    public bool IsResolveOverdue(DateTime now) => LeadStates.IsOpen(State) && now > ResolveDueAt;
}
