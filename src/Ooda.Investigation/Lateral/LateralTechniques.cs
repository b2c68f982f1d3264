namespace Ooda.Investigation.Lateral;

/// <summary>The ATT&amp;CK techniques lateral-movement edges are labelled with, and their names.</summary>
public static class LateralTechniques
{
    public const string RemoteDesktop = "T1021.001";
    public const string SmbAdminShares = "T1021.002";
    public const string Dcom = "T1021.003";
    public const string WinRm = "T1021.006";
    public const string Wmi = "T1047";
    public const string ValidAccounts = "T1078";
    public const string ServiceExecution = "T1569.002";

    /// <summary>The technique's name, or the id itself when it is not one of these.</summary>
    public static string Name(string id) => id switch
    {
        RemoteDesktop => "Remote Desktop Protocol",
        SmbAdminShares => "SMB/Windows Admin Shares",
        Dcom => "Distributed Component Object Model",
        WinRm => "Windows Remote Management",
        Wmi => "Windows Management Instrumentation",
        ValidAccounts => "Valid Accounts",
        ServiceExecution => "Service Execution",
        _ => id,
    };

    /// <summary>The remote-service technique a destination port speaks; null for other ports.</summary>
    public static string? ForPort(int port) => port switch
    {
        445 => SmbAdminShares,
        3389 => RemoteDesktop,
        5985 or 5986 => WinRm,
        135 => Dcom,
        _ => null,
    };

    /// <summary>The technique the service class of a Kerberos service principal (4648's TargetInfo, e.g. <c>cifs/dc01</c>) speaks.</summary>
    public static string ForServicePrincipal(string? spn)
    {
        var serviceClass = spn?.Split('/', 2)[0].Trim();
        return serviceClass?.ToUpperInvariant() switch
        {
            "CIFS" => SmbAdminShares,
            "TERMSRV" => RemoteDesktop,
            "HTTP" or "WSMAN" => WinRm,
            "RPCSS" => Dcom,
            _ => ValidAccounts,
        };
    }
}
