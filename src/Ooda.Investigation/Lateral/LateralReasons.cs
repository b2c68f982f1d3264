namespace Ooda.Investigation.Lateral;

/// <summary>The reason codes an edge can carry.</summary>
public static class LateralReasons
{
    /// <summary>A service install (PsExec-style or in the logon's session) or a process started through WMI/WinRM rode the logon.</summary>
    public const string Execution = "execution";

    /// <summary>NTLM where the account or the pair normally authenticates with Kerberos.</summary>
    public const string Ntlm = "ntlm";

    /// <summary>The pair is seen on fewer days than the baseline asks for.</summary>
    public const string Rare = "rare";

    /// <summary>The source is in the case's scope or was reached by the attacker.</summary>
    public const string FromScope = "from-scope";

    /// <summary>The pair is seen on many days.</summary>
    public const string Frequent = "frequent";

    /// <summary>No execution artefact rides the edge.</summary>
    public const string NoArtefacts = "no-artefacts";

    /// <summary>Interactive (RDP) logons of an established pair: an administrator at work.</summary>
    public const string Interactive = "interactive";
}
