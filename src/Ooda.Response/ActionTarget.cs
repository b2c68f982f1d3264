namespace Ooda.Response;

/// <summary>Who carries an action out.</summary>
public enum ActionTarget
{
    /// <summary>Our endpoint agent, through a connector.</summary>
    Agent,

    /// <summary>The customer's administrators, from a generated script.</summary>
    Customer,
}
