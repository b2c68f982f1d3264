namespace Ooda.Store;

/// <summary>One remote logon (Security 4624) near an execution artefact, with the fields that tie it: session id and account SID.</summary>
public sealed record LateralLogon(
    DateTime Time,
    string? IpAddress,
    string? Workstation,
    string? User,
    string? Domain,
    string? UserSid,
    string? LogonId,
    int LogonType,
    string? AuthPackage,
    LateralEvidenceRef Evidence);
