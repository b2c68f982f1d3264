namespace Ooda.Knowledge;

/// <summary>An Exchange CVE and the first build that fixes it on each CU that got a fix.</summary>
/// <param name="Id">CVE id.</param>
/// <param name="Group">Campaign name (ProxyLogon, ProxyShell, …).</param>
/// <param name="Title">What the flaw is, in a few words.</param>
/// <param name="PreAuth">True for the unauthenticated entry points of a chain (what makes an internet-facing server urgent).</param>
/// <param name="FixedBy">The update that fixed it (<c>Apr21SU</c>).</param>
/// <param name="Products">Products it affects; others are not affected.</param>
/// <param name="FirstFixedBuilds">First fixed build per CU line.</param>
/// <param name="Note">Source disagreement or data error handled for this CVE.</param>
public sealed record ExchangeCve(
    string Id,
    string Group,
    string Title,
    bool PreAuth,
    string FixedBy,
    IReadOnlyList<string> Products,
    IReadOnlyList<ExchangeBuild> FirstFixedBuilds,
    string? Note);
