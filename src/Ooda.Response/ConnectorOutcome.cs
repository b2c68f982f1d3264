namespace Ooda.Response;

/// <summary>What a connector's answer means for the action.</summary>
public enum ConnectorOutcome
{
    /// <summary>Taken on; the agent reports completion later. The action stays dispatched.</summary>
    Accepted,

    /// <summary>The agent carried it out.</summary>
    Done,

    /// <summary>Refused, or not delivered after every retry.</summary>
    Failed,
}
