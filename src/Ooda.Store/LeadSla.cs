namespace Ooda.Store;

/// <summary>How long after a lead is raised it must be acknowledged and resolved (escalated to a case or dismissed).</summary>
public sealed record LeadSla(TimeSpan Acknowledge, TimeSpan Resolve);
