using System.Text;
using Ooda.Core;

namespace Ooda.Cli.Rendering;

/// <summary>A one-line, terminal-safe summary of an event's most telling fields.</summary>
public static class EventSummary
{
    // The fields an analyst looks at first, per source; the rest follow in stored order.
    private static readonly string[] _preferred =
    [
        "CommandLine", "Image", "ParentImage", "TargetFilename", "TargetUserName", "SubjectUserName", "IpAddress", "LogonType",
        "ServiceName", "ImagePath", "DestinationIp", "DestinationPort", "QueryName", "ScriptBlockText",
        "cs-method", "cs-uri-stem", "cs-uri-query", "c-ip", "sc-status", "cs(User-Agent)",
        "Method", "UrlStem", "UrlQuery", "ClientIpAddress", "HttpStatus", "UserAgent", "AuthenticatedUser",
    ];

    private static readonly HashSet<string> _system = new(StringComparer.OrdinalIgnoreCase)
    {
        "EventID", "Channel", "Provider_Name", "Provider_Guid", "Computer", "EventRecordID", "Level", "Task", "Opcode", "Keywords",
        "Version", "Execution_ProcessID", "Execution_ThreadID", "Security_UserID", "Correlation_ActivityID", "TimeCreated_SystemTime",
        "date", "time", "DateTime",
    };

    public static string Of(EvidenceEvent e, int maxLength)
    {
        var sb = new StringBuilder();
        foreach (var name in _preferred)
        {
            if (e.Fields.TryGetValue(name, out var value))
                Append(sb, name, value);
            if (sb.Length >= maxLength)
                break;
        }

        foreach (var (name, value) in e.Fields)
        {
            if (sb.Length >= maxLength)
                break;
            if (!_system.Contains(name) && !_preferred.Contains(name, StringComparer.OrdinalIgnoreCase))
                Append(sb, name, value);
        }

        return Cli.TerminalText.Clip(sb.ToString(), maxLength);
    }

    private static void Append(StringBuilder sb, string name, string value)
    {
        if (sb.Length > 0)
            sb.Append("  ");
        sb.Append(name).Append('=').Append(value);
    }
}
