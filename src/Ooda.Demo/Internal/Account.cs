namespace Ooda.Demo.Internal;

/// <summary>A security principal with the logon session its processes run in.</summary>
internal sealed record Account(string Sid, string Name, string Domain, string LogonId, string LogonGuid)
{
    /// <summary>DOMAIN\name as Sysmon prints it.</summary>
    public string Qualified => Domain + "\\" + Name;

    public bool IsSystem => Sid == "S-1-5-18";
}
