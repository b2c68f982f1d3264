using Ooda.Core;
using Ooda.Engine.Hunt;

namespace Ooda.Engine.Runbooks;

/// <summary>What a runbook hunt found, which steps ran and which could not (with why), and the counts of the pass.</summary>
public sealed record RunbookHuntResult(
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<RunbookHuntStep> Steps,
    HuntStatistics Statistics,
    IReadOnlyList<Diagnostic> Diagnostics);
