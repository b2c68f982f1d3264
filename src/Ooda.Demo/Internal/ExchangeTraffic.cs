using System.Globalization;

namespace Ooda.Demo.Internal;

/// <summary>Benign client traffic of one Exchange front end: Outlook (MAPI/HTTP, EWS, Autodiscover, OAB),
/// mobile ActiveSync, OWA and ECP sessions, Managed Availability probes and background internet noise.</summary>
internal sealed class ExchangeTraffic(HostProfile server, DemoRandom random)
{
    private const string OutlookAgent = "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.14228; Pro)";
    private const string OutlookAutodiscoverAgent = "Microsoft Office/16.0 (Windows NT 10.0; MAPICPL 16.0.14228; Pro)";
    private const string MacOutlookAgent = "MacOutlook/16.51.21071101 (Intelx64 Mac OS X 11.5)";
    private const string ProbeAgent = "AMProbe/Local/ClientAccess";

    private static readonly string[] _owaActions =
    [
        "GetFolderChangeDigest", "FindItem", "GetItem", "GetConversationItems", "FindConversation", "GetOwaUserConfiguration",
        "GetMailTips", "CreateItem", "UpdateItem", "GetAttachmentPreviews", "SubscribeToNotification", "FindPeople",
    ];

    private static readonly string[] _easCommands = ["Ping", "Ping", "Ping", "Sync", "Sync", "FolderSync", "ItemOperations", "SendMail"];

    private static readonly (string Method, string Stem, int Status, string Agent)[] _noise =
    [
        ("GET", "/", 200, "Mozilla/5.0 zgrab/0.x"),
        ("GET", "/owa/auth/logon.aspx", 200, "Mozilla/5.0 (compatible; CensysInspect/1.1; +https://about.censys.io/)"),
        ("GET", "/.env", 404, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.129 Safari/537.36"),
        ("GET", "/remote/login", 404, "Mozilla/5.0 zgrab/0.x"),
        ("GET", "/favicon.ico", 200, "Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)"),
        ("GET", "/owa/", 302, "python-requests/2.25.1"),
        ("POST", "/Autodiscover/Autodiscover.xml", 401, "Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; Trident/5.0)"),
    ];

    private readonly string _domain = server.Tenant.Domain;
    private readonly string _oabGuid = random.NextGuid().ToString("D");

    /// <summary>Benign activities per day at scale 1 (each writes one to a dozen requests).</summary>
    public double ActivitiesPerDay => 470 * server.TrafficWeight;

    public void StartActivity(TimedQueue<WebRequest> queue, DateTime at)
    {
        var roll = random.NextDouble();
        var user = random.Pick(server.Users);
        if (roll < 0.30)
            Mapi(queue, at, user);
        else if (roll < 0.50)
            ActiveSync(queue, at, user);
        else if (roll < 0.60)
            Ews(queue, at, user);
        else if (roll < 0.71)
            Autodiscover(queue, at, user);
        else if (roll < 0.84)
            Owa(queue, at, user);
        else if (roll < 0.87)
            Ecp(queue, at, random.Pick(server.Users.Take(2).ToList()));
        else if (roll < 0.94)
            Oab(queue, at, user);
        else
            Noise(queue, at);
    }

    /// <summary>Managed Availability probes every quarter hour, from the server itself.</summary>
    public void Probe(TimedQueue<WebRequest> queue, DateTime at)
    {
        var probeUser = "HealthMailbox" + server.Netbios.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant() + "@" + _domain;
        queue.Add(at, new WebRequest
        {
            Time = at,
            Method = "GET",
            Stem = "/owa/healthcheck.htm",
            ClientIp = "127.0.0.1",
            UserAgent = ProbeAgent,
            TimeTaken = random.Next(0, 16),
            RequestId = random.NextGuid(),
        });
        var ews = at.AddMilliseconds(random.Next(200, 1500));
        queue.Add(ews, new WebRequest
        {
            Time = ews,
            Method = "POST",
            Stem = "/EWS/Exchange.asmx",
            User = probeUser,
            ClientIp = "127.0.0.1",
            UserAgent = ProbeAgent,
            TimeTaken = random.Next(15, 180),
            Protocol = "Ews",
            AuthenticationType = "Basic",
            AuthenticatedUser = probeUser,
            AnchorMailbox = "Smtp~" + probeUser,
            RoutingHint = "AnchorMailboxHeader-Smtp",
            BackEndStatus = 200,
            RequestId = random.NextGuid(),
            RequestBytes = 845,
            ResponseBytes = random.Next(1800, 2600),
        });
    }

    private string ClientIp(DemoUser user) => user.RemoteIp is not null && random.Chance(0.5) ? user.RemoteIp : user.WorkstationIp;

    private string MobileIp(DemoUser user) => user.RemoteIp ?? string.Create(CultureInfo.InvariantCulture, $"192.0.2.{128 + (int)(Hash(user.Sam) % 126)}");

    private void Mapi(TimedQueue<WebRequest> queue, DateTime at, DemoUser user)
    {
        var ip = ClientIp(user);
        var iisUser = server.Tenant.NetbiosDomain + "\\" + user.Sam;
        var query = "mailboxId=" + user.MailboxGuid + "@" + _domain;
        var t = at;
        queue.Add(t, Proxied(t, "POST", "/mapi/emsmdb/", query, null, ip, OutlookAgent, 401, "Mapi", null, null) with { SubStatus = 2, Win32Status = 5 });
        var count = random.Next(2, 7);
        for (var i = 0; i < count; i++)
        {
            t = t.AddMilliseconds(i == 0 ? random.Next(20, 200) : random.Next(20_000, 180_000));
            var action = random.Chance(0.7) ? "Execute" : random.Pick(["Connect", "NotificationWait", "Disconnect"]);
            queue.Add(t, Proxied(t, "POST", i % 3 == 2 ? "/mapi/nspi/" : "/mapi/emsmdb/", query, iisUser, ip, OutlookAgent, 200, "Mapi", action, user)
                with
            { AnchorMailbox = "MailboxGuidWithDomain~" + user.MailboxGuid + "@" + _domain, RoutingHint = "Url-MailboxGuidWithDomain" });
        }
    }

    private void ActiveSync(TimedQueue<WebRequest> queue, DateTime at, DemoUser user)
    {
        var ip = MobileIp(user);
        var t = at;
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var command = random.Pick(_easCommands);
            var query = "Cmd=" + command + "&User=" + user.Upn.Replace("@", "%40", StringComparison.Ordinal) + "&DeviceId=" + user.DeviceId + "&DeviceType=" + user.DeviceType;
            var taken = command == "Ping" ? random.Next(420_000, 480_500) : random.Next(40, 900);
            t = t.AddMilliseconds(taken + random.Next(50, 3000));
            var request = Proxied(t, "POST", "/Microsoft-Server-ActiveSync/default.eas", query, user.Upn, ip, user.MobileAgent, 200, "Eas", command, user);
            queue.Add(t, request with { TimeTaken = taken, AuthenticationType = "Basic" });
        }
    }

    private void Ews(TimedQueue<WebRequest> queue, DateTime at, DemoUser user)
    {
        var ip = ClientIp(user);
        var agent = random.Chance(0.2) ? MacOutlookAgent : OutlookAgent;
        queue.Add(at, Proxied(at, "POST", "/EWS/Exchange.asmx", null, null, ip, agent, 401, "Ews", null, null) with { SubStatus = 2, Win32Status = 5 });
        var count = random.Next(1, 4);
        var t = at;
        for (var i = 0; i < count; i++)
        {
            t = t.AddMilliseconds(random.Next(30, 5000));
            var action = random.Pick(["GetUserAvailability", "GetUserOofSettings", "SyncFolderItems", "GetItem", "FindItem", "Subscribe"]);
            queue.Add(t, Proxied(t, "POST", "/EWS/Exchange.asmx", null, user.Upn, ip, agent, 200, "Ews", action, user));
        }
    }

    private void Autodiscover(TimedQueue<WebRequest> queue, DateTime at, DemoUser user)
    {
        if (random.Chance(0.35))
        {
            // Outlook mobile's Autodiscover v2: a benign autodiscover.json with an Email parameter.
            var ip = MobileIp(user);
            var stem = "/autodiscover/autodiscover.json/v1.0/" + user.Upn;
            var query = "Protocol=" + random.Pick(["ActiveSync", "Ews", "Rest"]) + "&RedirectCount=1";
            queue.Add(at, Proxied(at, "GET", stem, query, null, ip, random.Chance(0.5) ? "Outlook-iOS/2.0" : "Outlook-Android/2.0", 200, "Autodiscover", null, null)
                with
            { AnchorMailbox = "Smtp~" + user.Upn });
            return;
        }

        var client = ClientIp(user);
        queue.Add(at, Proxied(at, "POST", "/autodiscover/autodiscover.xml", null, null, client, OutlookAutodiscoverAgent, 401, "Autodiscover", null, null) with { SubStatus = 2, Win32Status = 5 });
        var t = at.AddMilliseconds(random.Next(15, 300));
        queue.Add(t, Proxied(t, "POST", "/autodiscover/autodiscover.xml", null, user.Upn, client, OutlookAutodiscoverAgent, 200, "Autodiscover", null, user));
    }

    private void Owa(TimedQueue<WebRequest> queue, DateTime at, DemoUser user)
    {
        var ip = ClientIp(user);
        var agent = user.BrowserAgent;
        var origin = "https://" + server.MailHost;
        var t = at;
        var loggedIn = random.Chance(0.6);
        if (!loggedIn)
        {
            queue.Add(t, Local(t, "GET", "/owa/", null, null, ip, agent, null, 302));
            t = t.AddMilliseconds(random.Next(80, 400));
            queue.Add(t, Local(t, "GET", "/owa/auth/logon.aspx", "url=https%3a%2f%2f" + server.MailHost + "%2fowa%2f&reason=0", null, ip, agent, null, 200));
            t = t.AddMilliseconds(random.Next(4000, 20000));
            var failed = random.Chance(0.08);
            queue.Add(t, Local(t, "POST", "/owa/auth.owa", null, failed ? null : user.Upn, ip, agent,
                origin + "/owa/auth/logon.aspx?url=https%3a%2f%2f" + server.MailHost + "%2fowa%2f&reason=0", 302));
            if (failed)
                return;
            t = t.AddMilliseconds(random.Next(100, 600));
            queue.Add(t, Proxied(t, "GET", "/owa/", null, user.Upn, ip, agent, 200, "Owa", null, user) with { Referer = origin + "/owa/auth/logon.aspx" });
        }

        var clientId = random.NextGuid().ToString("N").ToUpperInvariant();
        var count = random.Next(3, 12);
        for (var i = 0; i < count; i++)
        {
            t = t.AddMilliseconds(random.Next(300, 60_000));
            if (random.Chance(0.2))
            {
                queue.Add(t, Proxied(t, "POST", "/owa/ev.owa2", "ns=PendingRequest&ev=PendingNotificationRequest&UA=0&cid=" + clientId, user.Upn, ip, agent, 200, "Owa", "PendingRequest", user)
                    with
                { Referer = origin + "/owa/", TimeTaken = random.Next(30_000, 240_000) });
                continue;
            }

            var action = random.Pick(_owaActions);
            queue.Add(t, Proxied(t, "POST", "/owa/service.svc", "action=" + action + "&UA=0", user.Upn, ip, agent, 200, "Owa", action, user)
                with
            { Referer = origin + "/owa/", ClientRequestId = random.NextGuid().ToString("D") });
        }
    }

    private void Ecp(TimedQueue<WebRequest> queue, DateTime at, DemoUser admin)
    {
        var ip = admin.WorkstationIp;
        var agent = admin.BrowserAgent;
        var canary = random.NextGuid().ToString("N") + random.NextGuid().ToString("N")[..12];
        var t = at;
        queue.Add(t, Proxied(t, "GET", "/ecp/", null, admin.Upn, ip, agent, 302, "Ecp", null, admin));
        t = t.AddMilliseconds(random.Next(200, 900));
        queue.Add(t, Proxied(t, "GET", "/ecp/default.aspx", null, admin.Upn, ip, agent, 200, "Ecp", null, admin));
        var count = random.Next(2, 6);
        for (var i = 0; i < count; i++)
        {
            t = t.AddMilliseconds(random.Next(1500, 40_000));
            var schema = random.Pick(["MailboxService", "DistributionGroupService", "QueueViewerService", "ReceiveConnectorService"]);
            queue.Add(t, Proxied(t, "POST", "/ecp/DDI/DDIService.svc/GetList", "schema=" + schema + "&msExchEcpCanary=" + canary, admin.Upn, ip, agent, 200, "Ecp", "GetList", admin)
                with
            { Referer = "https://" + server.MailHost + "/ecp/default.aspx" });
        }
    }

    private void Oab(TimedQueue<WebRequest> queue, DateTime at, DemoUser user)
    {
        var ip = ClientIp(user);
        queue.Add(at, Proxied(at, "GET", "/OAB/" + _oabGuid + "/oab.xml", null, server.Tenant.NetbiosDomain + "\\" + user.Sam, ip, OutlookAgent,
            random.Chance(0.8) ? 304 : 200, "Oab", null, user));
    }

    private void Noise(TimedQueue<WebRequest> queue, DateTime at)
    {
        var (method, stem, status, agent) = random.Pick(_noise);
        var ip = string.Create(CultureInfo.InvariantCulture, $"198.51.100.{random.Next(2, 200)}");
        queue.Add(at, stem.StartsWith("/Autodiscover", StringComparison.Ordinal)
            ? Proxied(at, method, stem, null, null, ip, agent, status, "Autodiscover", null, null)
            : Local(at, method, stem, null, null, ip, agent, null, status));
    }

    private WebRequest Local(DateTime t, string method, string stem, string? query, string? user, string ip, string agent, string? referer, int status) => new()
    {
        Time = t,
        Method = method,
        Stem = stem,
        Query = query,
        User = user,
        ClientIp = ip,
        UserAgent = agent,
        Referer = referer,
        Status = status,
        TimeTaken = random.Next(1, 60),
        RequestId = random.NextGuid(),
    };

    private WebRequest Proxied(DateTime t, string method, string stem, string? query, string? iisUser, string ip, string agent, int status, string protocol, string? action, DemoUser? user)
    {
        var authenticated = user is not null && status != 401;
        return new WebRequest
        {
            Time = t,
            Method = method,
            Stem = stem,
            Query = query,
            User = authenticated ? iisUser : null,
            ClientIp = ip,
            UserAgent = agent,
            Status = status,
            TimeTaken = status == 401 ? random.Next(0, 8) : random.Next(8, 420),
            Protocol = protocol,
            ProtocolAction = action,
            AuthenticationType = status == 401 ? null : authenticated ? "Negotiate" : null,
            AuthenticatedUser = authenticated ? user!.Upn : null,
            AnchorMailbox = authenticated ? "Smtp~" + user!.Upn : null,
            RoutingHint = authenticated ? "AnchorMailboxHeader-Smtp" : null,
            BackEndStatus = status == 401 ? 0 : status,
            RequestId = random.NextGuid(),
            RequestBytes = random.Next(200, 4000),
            ResponseBytes = status == 401 ? 0 : random.Next(300, 40_000),
        };
    }

    private static uint Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
            hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
