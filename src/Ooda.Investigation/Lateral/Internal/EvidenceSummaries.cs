using System.Globalization;
using Ooda.Store;

namespace Ooda.Investigation.Lateral.Internal;

/// <summary>One-line descriptions of the events behind an edge, and their source labels (e.g. <c>Security 4624</c>).</summary>
internal static class EvidenceSummaries
{
    // Evidence strings are attacker-controlled; a summary keeps each one short so one field cannot flood a report.
    private const int FieldLength = 200;

    public static string SourceLabel(string channel, int eventId)
    {
        var name = channel.Contains("sysmon", StringComparison.OrdinalIgnoreCase) ? "Sysmon" : channel;
        return name + " " + eventId.ToString(CultureInfo.InvariantCulture);
    }

    public static string Logon(LateralLogonGroup group) =>
        Logon(group.LogonType, Account(group.Domain, group.User), group.IpAddress, group.Workstation, group.AuthPackage);

    public static string Logon(LateralLogon logon) =>
        Logon(logon.LogonType, Account(logon.Domain, logon.User), logon.IpAddress, logon.Workstation, logon.AuthPackage);

    public static string Credentials(LateralCredentialGroup group)
    {
        var info = Present(group.TargetInfo) is { } spn ? $" ({Clip(spn)})" : string.Empty;
        var process = Present(group.Process) is { } p ? $" by {Clip(p)}" : string.Empty;
        return $"explicit credentials of {Account(group.Domain, group.User)} for {Clip(group.TargetServer ?? "?")}{info}{process}";
    }

    public static string Connection(LateralConnectionGroup group)
    {
        var user = Present(group.User) is { } u ? $" ({Clip(u)})" : string.Empty;
        var name = Present(group.DestinationHostname) is { } h ? $" ({Clip(h)})" : string.Empty;
        var direction = group.Initiated ? "connected" : "accepted a connection";
        return $"{Clip(group.Image ?? "?")}{user} {direction} {Clip(group.SourceIp ?? "?")} → {Clip(group.DestinationIp ?? "?")}:{group.DestinationPort.ToString(CultureInfo.InvariantCulture)}{name}";
    }

    public static string Artefact(LateralArtefact artefact) => artefact.Kind switch
    {
        LateralArtefactKind.ServiceInstall =>
            $"service {Clip(artefact.Name ?? "?")} installed: {Clip(artefact.Detail ?? "?")}" + (Present(artefact.Account) is { } a ? $" as {Clip(a)}" : string.Empty),
        _ => $"{Clip(artefact.Name ?? "?")} started by {Clip(FileName(artefact.Parent))}" + (Present(artefact.Detail) is { } d ? $": {Clip(d)}" : string.Empty),
    };

    /// <summary><c>DOMAIN\user</c>, or the bare user when the domain is missing.</summary>
    public static string Account(string? domain, string? user)
    {
        var name = Present(user) ?? "?";
        return Present(domain) is { } d ? d + "\\" + name : name;
    }

    /// <summary>The user part of an account written <c>DOMAIN\user</c> or <c>user@domain</c>.</summary>
    public static string UserOf(string account)
    {
        var slash = account.LastIndexOf('\\');
        var user = slash >= 0 ? account[(slash + 1)..] : account;
        var at = user.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? user[..at] : user;
    }

    /// <summary>The file name of a Windows path.</summary>
    public static string FileName(string? path)
    {
        if (string.IsNullOrEmpty(path))
            return "?";
        var slash = path.LastIndexOfAny(['\\', '/']);
        return slash >= 0 ? path[(slash + 1)..] : path;
    }

    /// <summary>A value unless it is empty or Windows' <c>-</c> placeholder.</summary>
    public static string? Present(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Trim() == "-" ? null : value.Trim();

    public static string Duration(TimeSpan span) => span.TotalSeconds < 60
        ? span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
        : span.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture) + " min";

    private static string Logon(int type, string account, string? ip, string? workstation, string? package)
    {
        var kind = type switch { 3 => "network", 10 => "remote interactive", _ => "type " + type.ToString(CultureInfo.InvariantCulture) };
        var from = string.Join(" ", new[] { Present(ip), Present(workstation) is { } w ? $"({w})" : null }.OfType<string>());
        var with = Present(package) is { } p ? $" with {Clip(p)}" : string.Empty;
        return $"{kind} logon (type {type.ToString(CultureInfo.InvariantCulture)}) of {Clip(account)} from {Clip(from.Length == 0 ? "?" : from)}{with}";
    }

    private static string Clip(string text) => text.Length <= FieldLength ? text : string.Concat(text.AsSpan(0, FieldLength - 1), "…");
}
