namespace Ooda.Store;

/// <summary>
/// An execution artefact on a host — a service install or a process started through WMI/WinRM — with the remote logons on the
/// same host that may have carried it: those of the same logon session, and those in the tie window before it, latest first.
/// </summary>
/// <param name="Name">The service name, or the started process's image.</param>
/// <param name="Detail">The service's image path, or the process's command line.</param>
/// <param name="Account">The service's account, or the process's user.</param>
/// <param name="Parent">For a process: the parent image (the WMI or WinRM host); null for a service.</param>
/// <param name="InstallerSid">The account that installed the service (7045's System UserID, 4697's subject), when recorded.</param>
/// <param name="LogonId">The logon session the artefact ran in (4697 subject, Sysmon LogonId, 4688 subject), when recorded.</param>
public sealed record LateralArtefact(
    LateralArtefactKind Kind,
    string Host,
    DateTime Time,
    string? Name,
    string? Detail,
    string? Account,
    string? Parent,
    string? InstallerSid,
    string? LogonId,
    LateralEvidenceRef Evidence,
    IReadOnlyList<LateralLogon> Logons);
