namespace Ooda.Detection.Webshells;

/// <summary>The names of the webshell checks, as <see cref="WebshellFinding.Check"/> carries them.</summary>
public static class WebshellCheck
{
    /// <summary>A web-served file that is a PST ("!BDN"): ProxyShell's New-MailboxExportRequest to a .aspx (critical).</summary>
    public const string PstInWebFile = "pst-in-web-file";

    /// <summary>A server-side eval/exec stub from <see cref="WebshellOptions.Patterns"/> in the content.</summary>
    public const string ScriptStub = "script-stub";

    /// <summary>Content or name found on this server only, where the fleet shares the folder (low alone).</summary>
    public const string RareInFleet = "rare-in-fleet";

    /// <summary>Modified well after Exchange was installed on the host (medium alone).</summary>
    public const string NewerThanExchange = "newer-than-exchange";
}
