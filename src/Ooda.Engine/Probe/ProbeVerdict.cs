namespace Ooda.Engine.Probe;

/// <summary>What one check's answers point to; a probe indicates, it never proves.</summary>
public enum ProbeVerdict
{
    /// <summary>The answers look like an unpatched or unmitigated server.</summary>
    IndicatesVulnerable,
    /// <summary>The answers look like a patched or mitigated server.</summary>
    IndicatesPatched,
    /// <summary>The answers do not decide (not Exchange, redirected, rate limited, SU level unknown).</summary>
    Inconclusive,
    /// <summary>The check could not be made (timeout, TLS error, connection failure).</summary>
    Error,
}
