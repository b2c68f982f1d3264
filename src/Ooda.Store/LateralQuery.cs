namespace Ooda.Store;

/// <summary>Which evidence the lateral-movement queries read: one tenant, an optional UTC window, how much provenance to keep.</summary>
/// <param name="From">Inclusive window start (UTC); null for the start of the evidence.</param>
/// <param name="To">Exclusive window end (UTC); null for its end.</param>
/// <param name="EvidenceLimit">At most this many evidence records per group, earliest first.</param>
/// <param name="TieWindow">How long before an execution artefact its logon may have happened on the same host.</param>
public sealed record LateralQuery(string Tenant, DateTime? From = null, DateTime? To = null, int EvidenceLimit = 8, TimeSpan? TieWindow = null)
{
    public static readonly TimeSpan DefaultTieWindow = TimeSpan.FromSeconds(30);

    /// <summary>Destination ports of remote-service protocols: SMB, RDP, WinRM (HTTP and HTTPS), RPC endpoint mapper.</summary>
    public static readonly IReadOnlyList<int> RemoteServicePorts = [445, 3389, 5985, 5986, 135];
}
