namespace Ooda.Demo.Internal;

/// <summary>A Windows event log as the generator writes it: file name, channel, provider.</summary>
internal sealed record EventChannel(string FileName, string Channel, string Provider, string? ProviderGuid, string? EventSourceName)
{
    public static readonly EventChannel Security = new("Security.jsonl", "Security", "Microsoft-Windows-Security-Auditing", "54849625-5478-4994-A5BA-3E3B0328C30D", null);
    public static readonly EventChannel Sysmon = new("Sysmon.jsonl", "Microsoft-Windows-Sysmon/Operational", "Microsoft-Windows-Sysmon", "5770385F-C22A-43E0-BF4C-06F5698FFBD9", null);
    public static readonly EventChannel ExchangeManagement = new("MSExchange-Management.jsonl", "MSExchange Management", "MSExchange CmdletLogs", null, null);
    public static readonly EventChannel System = new("System.jsonl", "System", "Service Control Manager", "555908D1-A6D7-4695-8E1E-26931D2012F4", "Service Control Manager");
    public static readonly EventChannel PowerShell = new("PowerShell.jsonl", "Microsoft-Windows-PowerShell/Operational", "Microsoft-Windows-PowerShell", "A0C1853B-5C40-4B15-8766-3CF1C58F985A", null);

    /// <summary>Classic provider that shares the System channel (uptime 6013).</summary>
    public static readonly EventChannel SystemEventLog = new("System.jsonl", "System", "EventLog", null, null);

    public static IReadOnlyList<string> FileNames { get; } =
        [Security.FileName, Sysmon.FileName, ExchangeManagement.FileName, System.FileName, PowerShell.FileName];
}
