namespace Ooda.Engine.Probe;

/// <summary>One check of the front end and what it found.</summary>
/// <param name="Name"><c>owa-build</c>, <c>proxyshell-ssrf</c> or <c>proxynotshell-mitigation</c>.</param>
/// <param name="Verdict">What the answers point to.</param>
/// <param name="Summary">The verdict in one sentence.</param>
/// <param name="Evidence">The status codes and header values it rests on.</param>
public sealed record ProbeCheck(string Name, ProbeVerdict Verdict, string Summary, IReadOnlyList<ProbeEvidence> Evidence);
