using Ooda.Sigma;

namespace Ooda.Engine.Hunt;

/// <summary>One detection, with the host the evidence names when the collection did not say (EVTX <c>Computer</c>).</summary>
public sealed record HuntHit(SigmaDetection Detection, string Host);
