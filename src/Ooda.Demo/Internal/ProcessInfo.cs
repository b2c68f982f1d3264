namespace Ooda.Demo.Internal;

/// <summary>A process as Sysmon and Security auditing see it.</summary>
internal sealed record ProcessInfo(int Pid, string Guid, string Image, string CommandLine, Account User, string Integrity);
