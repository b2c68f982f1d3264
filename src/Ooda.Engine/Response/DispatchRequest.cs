using Ooda.Response;

namespace Ooda.Engine.Response;

/// <summary>How to dispatch a case's actions.</summary>
public sealed record DispatchRequest
{
    /// <summary>Carries endpoint-agent actions; without one they are held (reported, not sent).</summary>
    public IActionConnector? Connector { get; init; }

    /// <summary>Where to write the customer-side PowerShell script; customer steps count as handed over only when it is written.</summary>
    public string? ScriptPath { get; init; }

    /// <summary>Where to write the customer notification text.</summary>
    public string? NoticePath { get; init; }

    /// <summary>Collaborate mode: every contact was tried and none answered.</summary>
    public ContactAttempt? Unreachable { get; init; }

    public DateTime? At { get; init; }
}
