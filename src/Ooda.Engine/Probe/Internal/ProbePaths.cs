namespace Ooda.Engine.Probe.Internal;

/// <summary>The requests the probe makes; every one is a read-only GET (exchange-facts.md §4).</summary>
internal static class ProbePaths
{
    /// <summary>The OWA logon page: <c>X-OWA-Version</c> and <c>/owa/auth/&lt;build&gt;/</c> resource paths (nuclei ms-exchange-server).</summary>
    public const string OwaLogon = "/owa/auth/logon.aspx";

    /// <summary>OWA's root; asked only when the logon page leaked no full build.</summary>
    public const string Owa = "/owa/";

    /// <summary>
    /// ProxyShell's pre-auth path confusion (CVE-2021-34473) as nuclei checks it: a vulnerable front end hands the
    /// request to a back end, a patched one refuses it. Nothing is written.
    /// </summary>
    public const string ProxyShell = "/autodiscover/autodiscover.json?@foo.com/owa/?&Email=autodiscover/autodiscover.json%3F@foo.com";

    /// <summary>
    /// A URL holding both <c>autodiscover</c> and <c>powershell</c>, the shape the ProxyNotShell URL-rewrite rule aborts
    /// (<c>(?=.*autodiscover)(?=.*powershell)</c>); it routes to OWA, never to the PowerShell back end (nuclei CVE-2022-41040).
    /// </summary>
    public const string ProxyNotShellShape = "/autodiscover/autodiscover.json?a@foo.var/owa/?&Email=autodiscover/autodiscover.json?a@foo.var&Protocol=XYZ&FooProtocol=Powershell";
}
