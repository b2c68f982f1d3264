using Ooda.Core;
using Ooda.Detection.Runbooks;
using Ooda.Knowledge;
using Ooda.Store;

namespace Ooda.Engine.Response;

/// <summary>Everything a plan is made from: the case, its findings, the runbooks behind them, the tenant's triaged hosts.</summary>
public sealed record ResponsePlanInput
{
    public required StoredCase Case { get; init; }

    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The runbook versions the findings came from.</summary>
    public IReadOnlyList<Runbook> Runbooks { get; init; } = [];

    /// <summary>The latest triage's hosts of the case's tenant (builds, exposure).</summary>
    public IReadOnlyList<StoredTriageHost> TriageHosts { get; init; } = [];

    public ExchangeKnowledgeBase KnowledgeBase { get; init; } = ExchangeKnowledgeBase.Embedded;
}
