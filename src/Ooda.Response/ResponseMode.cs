namespace Ooda.Response;

/// <summary>How far a customer lets the MDR team act (Sophos MDR's modes; notify is the default).</summary>
public enum ResponseMode
{
    /// <summary>We tell the customer what we found and what to do; we take no action.</summary>
    Notify,

    /// <summary>We act only with a recorded authorisation, or when no contact answered and the customer opted in.</summary>
    Collaborate,

    /// <summary>We act, then tell the customer what we did.</summary>
    Authorize,
}
