namespace Ooda.Engine.Probe;

/// <summary>One observed fact behind a verdict: <c>status</c> = <c>302</c>, <c>X-FEServer</c> = <c>EX01</c>; values are clipped.</summary>
public sealed record ProbeEvidence(string Name, string Value);
