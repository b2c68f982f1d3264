namespace Ooda.Knowledge;

/// <summary>A CVE a build is still exposed to.</summary>
/// <param name="Cve">The CVE.</param>
/// <param name="FixedIn">First fixed build on the build's CU; null when that CU never got a fix (upgrade the CU).</param>
/// <param name="Certain">False when the SU level is unknown and an SU on this CU would fix it.</param>
public sealed record CveExposure(ExchangeCve Cve, ExchangeBuild? FixedIn, bool Certain);
