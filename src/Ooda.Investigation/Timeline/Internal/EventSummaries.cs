using System.Collections.Frozen;
using System.Text;
using Ooda.Core;

namespace Ooda.Investigation.Timeline.Internal;

/// <summary>
/// One readable line per event: a template per source label (see <see cref="SummaryTemplate"/> for the notation), and for
/// anything else the telling fields as <c>name=value · name=value</c>.
/// </summary>
internal static class EventSummaries
{
    private const string By = "[ by [{SubjectDomainName}\\]{SubjectUserName}]";
    private const string Target = "[{TargetDomainName}\\]{TargetUserName}";
    private const string LogonFrom = "[ from {IpAddress}][ ({WorkstationName})][ via {AuthenticationPackageName}]";

    /// <summary>Source label (as <see cref="SourceFamilies.Label"/> makes it) → summary template.</summary>
    public static readonly FrozenDictionary<string, SummaryTemplate> Templates = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Sysmon 1"] = "[{ParentImage:leaf} → ]{Image:leaf}[: {CommandLine}][ ({User})]",
        ["Sysmon 3"] = "{Image:leaf} → {DestinationIp}:{DestinationPort}[ ({DestinationHostname})][ {Protocol}][ ({User})]",
        ["Sysmon 5"] = "{Image:leaf} exited[ (pid {ProcessId})]",
        ["Sysmon 7"] = "{Image:leaf} loaded {ImageLoaded}[ (signed {Signed})]",
        ["Sysmon 8"] = "{SourceImage:leaf} started a thread in {TargetImage:leaf}",
        ["Sysmon 10"] = "{SourceImage:leaf} opened {TargetImage:leaf}[ with access {GrantedAccess}]",
        ["Sysmon 11"] = "{Image:leaf} wrote {TargetFilename}",
        ["Sysmon 13"] = "{Image:leaf} set {TargetObject}[ = {Details:clip}]",
        ["Sysmon 22"] = "{Image:leaf} looked up {QueryName}[ → {QueryResults:clip}]",
        ["Security 1102"] = "Security log cleared" + By,
        ["Security 4624"] = "Logon type {LogonType:logon} " + Target + LogonFrom,
        ["Security 4625"] = "Failed logon type {LogonType:logon} " + Target + LogonFrom + "[ status {Status}][/{SubStatus}]",
        ["Security 4634"] = "Logoff " + Target + "[ type {LogonType:logon}]",
        ["Security 4648"] = "[{SubjectDomainName}\\]{SubjectUserName} used explicit credentials of " + Target + "[ for {TargetServerName}][ via {ProcessName:leaf}]",
        ["Security 4672"] = "Special privileges for [{SubjectDomainName}\\]{SubjectUserName}[: {PrivilegeList}]",
        ["Security 4688"] = "[{ParentProcessName|ParentImage:leaf} ][pid {ProcessId:pid} ]→ {NewProcessName|Image:leaf}[ pid {NewProcessId:pid}][: {CommandLine}]" + By,
        ["Security 4689"] = "{ProcessName:leaf} exited[ pid {ProcessId:pid}]",
        ["Security 4697"] = "Service {ServiceName} installed: {ServiceFileName}[ start {ServiceStartType}][ as {ServiceAccount}]" + By,
        ["Security 4720"] = "User account " + Target + " created" + By,
        ["Security 4722"] = "User account " + Target + " enabled" + By,
        ["Security 4726"] = "User account " + Target + " deleted" + By,
        ["Security 4728"] = "{MemberName|MemberSid} added to global group " + Target + By,
        ["Security 4732"] = "{MemberName|MemberSid} added to local group " + Target + By,
        ["Security 4756"] = "{MemberName|MemberSid} added to universal group " + Target + By,
        ["System 104"] = "Event log {Channel} cleared[ by [{SubjectDomainName}\\]{SubjectUserName}]",
        ["System 7036"] = "Service {param1} entered the {param2} state",
        ["System 7045"] = "Service {ServiceName} installed: {ImagePath}[ ({StartType})][ as {AccountName}]",
        ["PowerShell 4104"] = "Script block[ {MessageNumber}/{MessageTotal}][ in {Path:leaf}]: {ScriptBlockText}",
        // MSExchange Management event 1 keeps its values unnamed: cmdlet, parameters, caller.
        ["Exchange cmdlet"] = "{Data1}[ {Data2:clip}][ by {Data3}]",
        ["IIS"] = "{cs-method} {cs-uri-stem}[{cs-uri-query:query}] → {sc-status}[ from {c-ip}][ as {cs-username}][ \"{cs(User-Agent):plus}\"]",
        ["HttpProxy"] = "{Method} {UrlStem}[{UrlQuery:query}] → {HttpStatus}[ from {ClientIpAddress}][ as {AuthenticatedUser}][ \"{UserAgent}\"]",
    }.ToFrozenDictionary(p => p.Key, p => SummaryTemplate.Parse(p.Value), StringComparer.OrdinalIgnoreCase);

    // The fields an analyst reads first when no template fits; the rest follow in stored order.
    private static readonly string[] _preferred =
    [
        "CommandLine", "Image", "ParentImage", "TargetFilename", "TargetUserName", "SubjectUserName", "IpAddress", "LogonType",
        "ServiceName", "ImagePath", "DestinationIp", "DestinationPort", "QueryName", "ScriptBlockText", "TaskName",
        "cs-method", "cs-uri-stem", "cs-uri-query", "c-ip", "sc-status", "Method", "UrlStem", "UrlQuery", "ClientIpAddress", "HttpStatus",
        "Message", "message",
    ];

    // Bookkeeping every Windows event carries, which says nothing about what happened.
    private static readonly FrozenSet<string> _bookkeeping = new[]
    {
        "EventID", "Channel", "Provider_Name", "Provider_Guid", "Computer", "EventRecordID", "Level", "Task", "Opcode", "Keywords",
        "Version", "Execution_ProcessID", "Execution_ThreadID", "Security_UserID", "Correlation_ActivityID", "TimeCreated_SystemTime",
        "date", "time", "DateTime", "UtcTime", "RuleName", "ProcessGuid", "LogonGuid", "Data",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The summary of an event shown under <paramref name="label"/>, at most <paramref name="maxLength"/> characters.</summary>
    public static string Of(EvidenceEvent e, string label, int maxLength)
    {
        var sb = new StringBuilder();
        if (!Templates.TryGetValue(label, out var template) || !template.TryRender(e.Fields, sb))
            Generic(e.Fields, sb, maxLength);
        return SummaryText.OneLine(sb.ToString(), maxLength);
    }

    private static void Generic(EventFields fields, StringBuilder sb, int maxLength)
    {
        foreach (var name in _preferred)
        {
            if (sb.Length >= maxLength)
                return;
            if (fields.TryGetValue(name, out var value))
                Append(sb, name, value, maxLength);
        }

        foreach (var (name, value) in fields)
        {
            if (sb.Length >= maxLength)
                return;
            if (!_bookkeeping.Contains(name) && !_preferred.Contains(name, StringComparer.OrdinalIgnoreCase))
                Append(sb, name, value, maxLength);
        }
    }

    private static void Append(StringBuilder sb, string name, string value, int maxLength)
    {
        if (value.Length == 0 || value == "-")
            return;
        if (sb.Length > 0)
            sb.Append(" · ");
        // A value is clipped here already, so one huge field cannot make the line cost its whole length.
        sb.Append(name).Append('=').Append(SummaryText.OneLine(value, maxLength));
    }
}
