using Ooda.Detection.Runbooks;

namespace Ooda.Engine.Runbooks;

/// <summary>One hunt of one runbook as planned: whether it can run here and, if not, exactly why.</summary>
public sealed record RunbookHuntStep(Runbook Runbook, RunbookHunt Hunt, string? NotRunReason)
{
    public bool Runs => NotRunReason is null;

    public string Reference => $"{Runbook.Reference}/{Hunt.Id}";
}
