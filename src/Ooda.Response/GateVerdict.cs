namespace Ooda.Response;

/// <summary>What the gate lets happen to one action now.</summary>
public enum GateVerdict
{
    /// <summary>Send it to the endpoint agent.</summary>
    Dispatch,

    /// <summary>Record that no contact answered (the tenant opted in), then send it to the endpoint agent.</summary>
    DispatchUnreachable,

    /// <summary>Hand it to the customer's administrators in the generated script.</summary>
    HandToCustomer,

    /// <summary>Notify mode: tell the customer what to do; we act on nothing.</summary>
    Recommend,

    /// <summary>Wait: it needs a recorded approval first.</summary>
    Hold,

    /// <summary>Nothing to do: already dispatched, finished or rejected.</summary>
    Skip,
}
