namespace Ooda.Demo.Internal;

/// <summary>A mailbox user of one tenant with the devices their traffic comes from.</summary>
internal sealed record DemoUser(
    string Sam,
    string Upn,
    string Sid,
    string WorkstationIp,
    string? RemoteIp,
    string MailboxGuid,
    string DeviceId,
    string DeviceType,
    string MobileAgent,
    string BrowserAgent,
    bool IsAdmin);
