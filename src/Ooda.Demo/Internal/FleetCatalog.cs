using System.Globalization;

namespace Ooda.Demo.Internal;

/// <summary>The fixed demo fleet: three tenants, eleven hosts, their users. Names and addresses are fictional
/// (.example domains, RFC 5737 / RFC 3849 documentation ranges outside, RFC 1918 inside).</summary>
internal sealed class FleetCatalog
{
    public const string Kape = "kape";
    public const string Velociraptor = "velociraptor";
    public const string NoCapture = "none";

    private static readonly string[] _first =
    [
        "alice", "bruno", "chloe", "david", "elena", "farid", "grace", "hugo", "ines", "jonas", "kara", "liam",
        "maya", "noah", "olga", "pavel", "quinn", "rosa", "sami", "tara", "ugo", "vera", "wes", "xenia", "yusuf", "zoe",
    ];

    private static readonly string[] _last =
    [
        "ahn", "baker", "costa", "dubois", "eriksen", "fischer", "garcia", "hansen", "ito", "jensen", "kowalski",
        "larsen", "moreau", "nowak", "okafor", "petrov", "quist", "rossi", "silva", "tanaka", "vogel", "weber",
    ];

    private static readonly (string Type, string Agent)[] _mobiles =
    [
        ("iPhone", "Apple-iPhone13C2/1806.58"),
        ("iPhone", "Apple-iPhone12C1/1805.95"),
        ("Outlook", "Outlook-iOS/2.0"),
        ("Outlook", "Outlook-Android/2.0"),
        ("SAMSUNGSMG991B", "SAMSUNG-SM-G991B/101.11002"),
    ];

    private static readonly string[] _browsers =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/92.0.4515.107 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/92.0.4515.131 Safari/537.36 Edg/92.0.902.67",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:90.0) Gecko/20100101 Firefox/90.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/14.1.2 Safari/605.1.15",
    ];

    private FleetCatalog(IReadOnlyList<DemoTenant> tenants, IReadOnlyList<HostProfile> hosts)
    {
        Tenants = tenants;
        Hosts = hosts;
    }

    public IReadOnlyList<DemoTenant> Tenants { get; }

    public IReadOnlyList<HostProfile> Hosts { get; }

    public HostProfile Host(string name) => Hosts.First(h => h.Host.Name == name);

    public static FleetCatalog Create(ulong seed)
    {
        var acme = new DemoTenant("acme-logistics", "acme-logistics.example", "ACME", "collaborate");
        var birch = new DemoTenant("birch-health", "birch-health.example", "BIRCH", "authorize");
        var cobalt = new DemoTenant("cobalt-legal", "cobalt-legal.example", "COBALT", "notify");

        var acmeUsers = Users(seed, acme, "10.10.20.", 34);
        var birchUsers = Users(seed, birch, "10.20.40.", 26);
        var cobaltUsers = Users(seed, cobalt, "10.30.40.", 18);

        const string Server2019 = "Windows Server 2019 Datacenter 10.0.17763";
        const string Server2016 = "Windows Server 2016 Standard 10.0.14393";
        const string Windows10 = "Windows 10 Enterprise 21H1 10.0.19043";

        var hosts = new List<HostProfile>
        {
            // Exchange 2019 CU9 without the April/May 2021 SUs: ProxyShell-vulnerable and exposed — the victim.
            Profile(seed, acme, acmeUsers, "acme-ex01", "10.10.1.20", "192.0.2.10", Server2019, ["exchange", "mailbox"], "15.2.858.5", "15.2.858.5", Kape, "10.10.1.10", 1.0),
            Profile(seed, acme, acmeUsers, "acme-dc01", "10.10.1.10", null, Server2019, ["dc", "dns"], null, null, NoCapture, "10.10.1.10", 1.0),
            Profile(seed, acme, acmeUsers, "acme-fs01", "10.10.1.30", null, Server2016, ["file-server"], null, null, NoCapture, "10.10.1.10", 0.8),
            Profile(seed, acme, acmeUsers, "acme-ws014", "10.10.20.114", null, Windows10, ["workstation"], null, null, NoCapture, "10.10.1.10", 0.6),
            // Exchange 2016 CU21 Jul21SU: patched, exposed.
            Profile(seed, birch, birchUsers, "birch-ex01", "10.20.0.25", "192.0.2.20", Server2016, ["exchange", "mailbox"], "15.1.2308.14", "15.1.2308.14", Velociraptor, "10.20.0.10", 0.8),
            // Exchange 2016 CU19 Mar21SU: vulnerable, but 443 is filtered at the edge.
            Profile(seed, birch, birchUsers, "birch-ex02", "10.20.0.26", "192.0.2.21", Server2016, ["exchange", "mailbox"], "15.1.2176.9", "15.1.2176.9", Kape, "10.20.0.10", 0.4),
            Profile(seed, birch, birchUsers, "birch-dc01", "10.20.0.10", null, Server2016, ["dc", "dns"], null, null, NoCapture, "10.20.0.10", 0.8),
            // Exchange 2019 CU10 Jul21SU: patched, exposed over IPv6 only.
            Profile(seed, cobalt, cobaltUsers, "cobalt-ex01", "10.30.5.15", "2001:db8:c0:1::15", Server2019, ["exchange", "mailbox"], "15.2.922.13", "15.2.922.13", Kape, "10.30.5.10", 0.6),
            // Exchange 2019 CU8 with no SU, missing from the CMDB's build column; its logs tell the build.
            Profile(seed, cobalt, cobaltUsers, "cobalt-ex02", "10.30.5.16", "192.0.2.31", Server2019, ["exchange", "mailbox"], null, "15.2.792.3", Kape, "10.30.5.10", 0.3),
            Profile(seed, cobalt, cobaltUsers, "cobalt-dc01", "10.30.5.10", null, Server2019, ["dc", "dns"], null, null, NoCapture, "10.30.5.10", 0.7),
            Profile(seed, cobalt, cobaltUsers, "cobalt-ws003", "10.30.40.103", null, Windows10, ["workstation"], null, null, NoCapture, "10.30.5.10", 0.5),
        };

        return new FleetCatalog([acme, birch, cobalt], hosts);
    }

    private static HostProfile Profile(
        ulong seed, DemoTenant tenant, IReadOnlyList<DemoUser> users, string name, string ip, string? publicIp, string os,
        string[] roles, string? inventoryBuild, string? actualBuild, string layout, string dcIp, double weight)
    {
        var random = DemoRandom.For(seed, "host:" + name);
        var mode = roles.Contains("dc") ? "authorize" : tenant.ResponseMode;
        var host = new DemoHost(tenant.Name, name, name + "." + tenant.Domain, ip, publicIp, os, roles, inventoryBuild, mode, layout);
        return new HostProfile(
            host,
            tenant,
            name.ToUpperInvariant(),
            actualBuild,
            "mail." + tenant.Domain,
            DomainSid(seed, tenant),
            Sid(random),
            (uint)random.NextUInt64(),
            users,
            dcIp,
            weight);
    }

    private static string DomainSid(ulong seed, DemoTenant tenant) => Sid(DemoRandom.For(seed, "domain:" + tenant.Name));

    private static string Sid(DemoRandom random) => string.Create(
        CultureInfo.InvariantCulture,
        $"S-1-5-21-{random.Next(1_000_000_000, int.MaxValue)}-{random.Next(1_000_000_000, int.MaxValue)}-{random.Next(100_000_000, int.MaxValue)}");

    private static List<DemoUser> Users(ulong seed, DemoTenant tenant, string workstationNet, int count)
    {
        var random = DemoRandom.For(seed, "users:" + tenant.Name);
        var domainSid = DomainSid(seed, tenant);
        var users = new List<DemoUser>(count);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        while (users.Count < count)
        {
            var first = random.Pick(_first);
            var last = random.Pick(_last);
            var sam = users.Count < 2 ? (users.Count == 0 ? "adm-" : "exadmin-") + first[0] + last : first + "." + last;
            if (!taken.Add(sam))
                continue;
            var remote = random.Chance(0.35)
                ? random.Chance(0.2)
                    ? string.Create(CultureInfo.InvariantCulture, $"2001:db8:{random.Next(0x1000, 0xffff):x}:{random.Next(1, 0xffff):x}::{random.Next(1, 0xfff):x}")
                    : string.Create(CultureInfo.InvariantCulture, $"192.0.2.{random.Next(128, 255)}")
                : null;
            var (deviceType, mobileAgent) = random.Pick(_mobiles);
            users.Add(new DemoUser(
                sam,
                sam + "@" + tenant.Domain,
                string.Create(CultureInfo.InvariantCulture, $"{domainSid}-{1104 + users.Count * 3 + random.Next(3)}"),
                string.Create(CultureInfo.InvariantCulture, $"{workstationNet}{random.Next(20, 250)}"),
                remote,
                random.NextGuid().ToString("D"),
                string.Create(CultureInfo.InvariantCulture, $"{random.NextUInt64():X16}"),
                deviceType,
                mobileAgent,
                random.Pick(_browsers),
                users.Count < 2));
        }

        return users;
    }
}
