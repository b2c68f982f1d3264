using System.Globalization;
using System.Text;

namespace Ooda.Benchmarks.Triage;

/// <summary>
/// Writes a large fleet for the triage benchmark from a fixed seed: <c>inventory.csv</c> (mixed builds and spellings,
/// tenants, non-Exchange hosts, a few bad rows) and the matching external scans, <c>scan-ipv4.xml</c> and
/// <c>scan-ipv6.xml</c> (nmap cannot mix address families in one run): hosts down, filtered and closed 443, strangers.
/// </summary>
public static class TriageFleetGenerator
{
    private const int HostsPerTenant = 50;

    // Real builds across 2013/2016/2019 CUs and SUs, in the spellings inventories carry them.
    private static readonly string[] _builds =
    [
        "15.2.858.5", "15.2.858.10", "15.2.858.15", "15.2.922.7", "15.2.922.13", "15.2.986.5", "15.2.986.30", "15.2.986.36", "15.2.1118.7",
        "15.2.1118.20", "15.2.1118.40", "15.2.1258.12", "15.2.1258.28", "15.2.792.3", "15.2.721.2", "15.1.2242.4", "15.1.2308.8",
        "15.1.2308.14", "15.1.2375.7", "15.1.2375.37", "15.1.2507.6", "15.1.2507.35", "15.1.2176.9", "15.0.1497.2", "15.0.1497.48",
        "15.02.0858.005", "15.01.2507.016", "Version 15.2 (Build 986.5)", "15.2.986",
    ];

    private static readonly string[] _unknownBuilds = ["15.2.9999.1", "14.3.513.0", "latest", "15.2.1118.999"];

    private static readonly string[] _otherRoles = ["dc", "file", "sql", "web", "rdp", "print", "app"];

    private static readonly string[] _modes = ["notify", "contain", "autonomous"];

    public static int Write(string folder, int hosts)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(5);
        var v4 = new List<(string Ip, int Fate)>();
        var v6 = new List<(string Ip, int Fate)>();
        using (var inventory = Writer(Path.Combine(folder, "inventory.csv")))
        {
            inventory.Write("tenant,host,fqdn,ip,public_ip,os,roles,exchange_build,response_mode\n");
            for (var i = 0; i < hosts; i++)
            {
                var tenant = string.Create(CultureInfo.InvariantCulture, $"tenant-{i / HostsPerTenant:D5}");
                var exchange = random.Next(100) < 40;
                var name = string.Create(CultureInfo.InvariantCulture, $"{(exchange ? "ex" : "srv")}{i:D6}");
                var bad = random.Next(1000);
                if (bad < 2)
                {
                    inventory.Write(string.Create(CultureInfo.InvariantCulture, $"{tenant},{name},too,few,columns\n"));
                    continue;
                }

                if (bad < 3)
                {
                    inventory.Write(string.Create(CultureInfo.InvariantCulture, $"{tenant},\"{name} never closed,,,,,exchange,15.2.858.5,notify\n"));
                    continue;
                }

                string? publicIp = null;
                if (exchange || random.Next(100) < 5)
                {
                    if (random.Next(100) < 10)
                    {
                        publicIp = string.Create(CultureInfo.InvariantCulture, $"2001:db8:{i >> 16:x}:{i & 0xffff:x}::443");
                        v6.Add((publicIp, random.Next(100)));
                    }
                    else
                    {
                        publicIp = string.Create(CultureInfo.InvariantCulture, $"198.{18 + ((i >> 16) & 1)}.{(i >> 8) & 0xff}.{i & 0xff}");
                        v4.Add((publicIp, random.Next(100)));
                    }
                }

                var build = !exchange ? ""
                    : random.Next(100) switch
                    {
                        < 3 => "",
                        < 5 => _unknownBuilds[random.Next(_unknownBuilds.Length)],
                        _ => _builds[random.Next(_builds.Length)],
                    };
                var quotedBuild = build.Contains(' ', StringComparison.Ordinal) ? "\"" + build + "\"" : build;
                var roles = exchange ? "exchange;mailbox" : _otherRoles[random.Next(_otherRoles.Length)];
                inventory.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{tenant},{name},{name}.{tenant}.example,10.{(i >> 16) & 0xff}.{(i >> 8) & 0xff}.{i & 0xff},{publicIp},Windows Server 2019,{roles},{quotedBuild},{_modes[random.Next(_modes.Length)]}\n"));
            }
        }

        WriteScan(Path.Combine(folder, "scan-ipv4.xml"), v4, ipv6: false, random);
        WriteScan(Path.Combine(folder, "scan-ipv6.xml"), v6, ipv6: true, random);
        return 0;
    }

    /// <summary>Fate: 0–69 up with 443 open, 70–79 filtered, 80–84 closed, 85–94 down, 95–99 not scanned; plus strangers.</summary>
    private static void WriteScan(string path, List<(string Ip, int Fate)> targets, bool ipv6, Random random)
    {
        using var xml = Writer(path);
        xml.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE nmaprun>\n");
        xml.Write($"<nmaprun scanner=\"nmap\" args=\"nmap -sS -sV {(ipv6 ? "-6 " : "")}-p 25,80,443 -oX {Path.GetFileName(path)} -iL targets.txt\" start=\"1628496000\" version=\"7.91\" xmloutputversion=\"1.05\">\n");
        xml.Write("<scaninfo type=\"syn\" protocol=\"tcp\" numservices=\"3\" services=\"25,80,443\"/>\n<verbose level=\"0\"/>\n<debugging level=\"0\"/>\n");
        var addrtype = ipv6 ? "ipv6" : "ipv4";
        var up = 0;
        var total = 0;
        foreach (var (ip, fate) in targets)
        {
            if (fate >= 95)
                continue;
            total++;
            if (fate >= 85)
            {
                xml.Write($"<host><status state=\"down\" reason=\"no-response\" reason_ttl=\"0\"/>\n<address addr=\"{ip}\" addrtype=\"{addrtype}\"/>\n</host>\n");
                continue;
            }

            up++;
            xml.Write($"<host starttime=\"1628496010\" endtime=\"1628496024\"><status state=\"up\" reason=\"{(ipv6 ? "nd-response" : "reset")}\" reason_ttl=\"113\"/>\n");
            xml.Write($"<address addr=\"{ip}\" addrtype=\"{addrtype}\"/>\n<hostnames><hostname name=\"mail-{total}.example\" type=\"PTR\"/></hostnames>\n<ports>");
            if (fate >= 70 && fate < 80)
            {
                xml.Write("<extraports state=\"filtered\" count=\"3\"><extrareasons reason=\"no-responses\" count=\"3\"/></extraports>");
            }
            else
            {
                xml.Write("<port protocol=\"tcp\" portid=\"25\"><state state=\"open\" reason=\"syn-ack\" reason_ttl=\"113\"/><service name=\"smtp\" product=\"Microsoft Exchange smtpd\" ostype=\"Windows\" method=\"probed\" conf=\"10\"><cpe>cpe:/a:microsoft:exchange_server</cpe></service></port>");
                xml.Write("<port protocol=\"tcp\" portid=\"80\"><state state=\"filtered\" reason=\"no-response\" reason_ttl=\"0\"/><service name=\"http\" method=\"table\" conf=\"3\"/></port>");
                var state = fate >= 80 ? "closed" : "open";
                xml.Write($"<port protocol=\"tcp\" portid=\"443\"><state state=\"{state}\" reason=\"{(state == "open" ? "syn-ack" : "reset")}\" reason_ttl=\"113\"/><service name=\"http\" product=\"Microsoft IIS httpd\" version=\"10.0\" ostype=\"Windows\" tunnel=\"ssl\" method=\"probed\" conf=\"10\"><cpe>cpe:/a:microsoft:internet_information_services:10.0</cpe><cpe>cpe:/o:microsoft:windows</cpe></service></port>");
            }

            xml.Write("</ports>\n<times srtt=\"21874\" rttvar=\"1203\" to=\"100000\"/>\n</host>\n");

            // Addresses in the scan range that no inventory row names.
            if (random.Next(100) < 2)
            {
                total++;
                xml.Write($"<host><status state=\"down\" reason=\"no-response\" reason_ttl=\"0\"/>\n<address addr=\"{(ipv6 ? "2001:db8:ffff::" + total.ToString("x", CultureInfo.InvariantCulture) : "203.0.113." + (total % 250).ToString(CultureInfo.InvariantCulture))}\" addrtype=\"{addrtype}\"/>\n</host>\n");
            }
        }

        xml.Write($"<runstats><finished time=\"1628503200\" timestr=\"Mon Aug  9 10:00:00 2021\" elapsed=\"7200.00\" exit=\"success\"/><hosts up=\"{up}\" down=\"{total - up}\" total=\"{total}\"/></runstats>\n</nmaprun>\n");
    }

    private static StreamWriter Writer(string path) => new(path, append: false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
}
