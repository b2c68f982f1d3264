using Ooda.Knowledge;

namespace Ooda.Engine.Probe;

/// <summary>The result of probing one front end.</summary>
/// <param name="Target">The origin probed (<c>https://mail.example.com/</c>).</param>
/// <param name="Fingerprint">What it gives away about itself.</param>
/// <param name="Assessment">The knowledge base's view of the leaked build; null when no build leaked.</param>
/// <param name="Checks">One entry per check, in the order made.</param>
/// <param name="Requests">Every request, in the order sent; never more than <see cref="ProbeOptions.MaxRequests"/>.</param>
/// <param name="Notes">Things the reader must know (certificate accepted only because of <c>--insecure</c>, back-off).</param>
public sealed record ProbeReport(
    string Target,
    ProbeFingerprint Fingerprint,
    ExchangeAssessment? Assessment,
    IReadOnlyList<ProbeCheck> Checks,
    IReadOnlyList<ProbeRequest> Requests,
    IReadOnlyList<string> Notes);
