namespace Ooda.Engine.Triage;

/// <summary>What to investigate first; declared from most to least urgent.</summary>
public enum TriagePriority
{
    /// <summary>Vulnerable to a pre-authentication entry point and 443/tcp open from the internet.</summary>
    Critical,
    /// <summary>Vulnerable and exposed (or exposure unknown), or an unknown build that is exposed.</summary>
    High,
    /// <summary>Vulnerable but not reachable from the internet, or an unknown build of unknown exposure.</summary>
    Medium,
    /// <summary>Patched but exposed, or an unknown build that is not exposed.</summary>
    Low,
    /// <summary>Not Exchange, or patched and not exposed.</summary>
    None,
}
