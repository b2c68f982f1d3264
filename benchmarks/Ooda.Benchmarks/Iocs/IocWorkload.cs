using System.Globalization;
using Ooda.Core;
using Ooda.Detection.Iocs;

namespace Ooda.Benchmarks.Iocs;

/// <summary>
/// A large, mixed IOC set and a lazy stream of realistic events (IIS W3C and Sysmon process, network, file and DNS
/// events), both from fixed seeds; about one event in <see cref="PlantEvery"/> carries one of the indicators.
/// </summary>
public static class IocWorkload
{
    /// <summary>One event in this many has an indicator planted in it.</summary>
    public const int PlantEvery = 1000;

    private static readonly string[] _syllables = ["ka", "lo", "mi", "ne", "tor", "vex", "zu", "ra", "qui", "sol", "dan", "pe", "xi", "bar", "cy", "mon"];
    private static readonly string[] _tlds = ["com", "net", "org", "info", "ru", "cn", "io", "biz"];
    private static readonly string[] _stems = ["/owa/", "/EWS/Exchange.asmx", "/Microsoft-Server-ActiveSync/default.eas", "/autodiscover/autodiscover.xml", "/mapi/emsmdb/", "/ecp/default.aspx", "/owa/auth/logon.aspx", "/rpc/rpcproxy.dll"];
    private static readonly string[] _agents =
    [
        "Microsoft+Office/16.0+(Windows+NT+10.0;+Microsoft+Outlook+16.0.5023;+Pro)",
        "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/92.0.4515.131+Safari/537.36",
        "Apple-iPhone13C2/1805.234",
        "MSRPC",
        "Microsoft+WinRM+Client",
    ];

    private static readonly string[] _images =
    [
        @"C:\Windows\System32\svchost.exe", @"C:\Windows\System32\conhost.exe", @"C:\Program Files\Microsoft\Exchange Server\V15\Bin\MSExchangeHMWorker.exe",
        @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe", @"C:\Windows\System32\msiexec.exe", @"C:\Windows\System32\taskhostw.exe",
        @"C:\Windows\System32\cmd.exe", @"C:\Windows\Microsoft.NET\Framework64\v4.0.30319\csc.exe", @"C:\Program Files\Microsoft\Exchange Server\V15\Bin\w3wp.exe",
    ];

    private static readonly string[] _arguments =
    [
        "-k netsvcs -p -s Schedule", "/c echo %TEMP% > nul", "-NoProfile -ExecutionPolicy Bypass -File C:\\Scripts\\inventory.ps1",
        "/noconfig /fullpaths @\"C:\\Windows\\TEMP\\x1y2z3.cmdline\"", "-ap \"MSExchangeOWAAppPool\" -v \"v4.0\" -c \"C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\GenericAppPoolConfigWithGCServerEnabledFalse.config\"",
        "/V", "-Embedding", "Get-Mailbox -ResultSize Unlimited | Select-Object DisplayName,PrimarySmtpAddress",
    ];

    private static readonly string[] _folders = [@"C:\Windows\Temp\", @"C:\Users\admin\AppData\Local\Temp\", @"C:\inetpub\wwwroot\aspnet_client\", @"C:\ProgramData\", @"C:\Program Files\Microsoft\Exchange Server\V15\Logging\"];

    /// <summary>Indicators of every kind in realistic proportions (hashes and network indicators dominate feeds).</summary>
    public static IocSet Iocs(int count, int seed = 42)
    {
        var random = new Random(seed);
        var iocs = new List<Ioc>(count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (iocs.Count < count)
        {
            var roll = random.Next(1000);
            var ioc = roll switch
            {
                < 150 => new Ioc(IocKind.Md5, Hex(random, 32)),
                < 250 => new Ioc(IocKind.Sha1, Hex(random, 40)),
                < 400 => new Ioc(IocKind.Sha256, Hex(random, 64)),
                < 530 => new Ioc(IocKind.Ip, Ipv4(random)),
                < 550 => new Ioc(IocKind.Ip, $"2001:db8:{random.Next(0x10000):x}::{random.Next(0x10000):x}"),
                < 570 => new Ioc(IocKind.Cidr, $"{Ipv4(random)}/{random.Next(16, 30)}"),
                < 760 => new Ioc(IocKind.Domain, Domain(random)),
                < 810 => new Ioc(IocKind.Url, $"http://{Domain(random)}/{Word(random, 2)}/{Word(random, 1)}.php"),
                < 860 => new Ioc(IocKind.FileName, Word(random, random.Next(3, 5)) + ".exe"),
                < 870 => new Ioc(IocKind.FilePath, _folders[random.Next(_folders.Length)] + Word(random, 2) + "*.aspx"),
                < 890 => new Ioc(IocKind.FilePathRegex, @"\\" + Word(random, random.Next(3, 5)) + @"(32|64)?\.(exe|dll)$"),
                < 920 => new Ioc(IocKind.UserAgent, Word(random, 3) + "-agent/" + random.Next(1, 9).ToString(CultureInfo.InvariantCulture)),
                < 965 => new Ioc(IocKind.CommandLine, "-" + Word(random, 2) + " " + Word(random, 3)),
                < 970 => new Ioc(IocKind.CommandLineRegex, Word(random, 2) + @"\s+-" + Word(random, 1) + @"\s+\d+"),
                _ => new Ioc(IocKind.Keyword, Word(random, 4)),
            };

            // Distinct normalised values, so the set holds exactly the count asked for.
            if (IocSet.Normalize(ioc, out _) is { } normalized && seen.Add($"{normalized.Kind}:{normalized.Value}"))
                iocs.Add(normalized);
        }

        return IocSet.Create(iocs);
    }

    /// <summary>Events generated one at a time; every <see cref="PlantEvery"/>th event carries an indicator of the set.</summary>
    public static IEnumerable<EvidenceEvent> Events(long count, IocSet plant, int seed = 7)
    {
        var random = new Random(seed);
        var start = new DateTime(2021, 8, 1, 0, 0, 0, DateTimeKind.Utc);
        var provenance = new Provenance("bench", new string('0', 64), -1, 0);
        for (long i = 0; i < count; i++)
        {
            var fields = new EventFields(16);
            var roll = random.Next(100);
            var kind = roll < 50 ? Iis(random, fields) : roll < 75 ? ProcessCreation(random, fields) : roll < 85 ? Network(random, fields) : roll < 95 ? FileCreation(random, fields) : Dns(random, fields);
            if (i % PlantEvery == PlantEvery - 1 && plant.Count > 0)
                Plant(plant[random.Next(plant.Count)], fields);
            yield return new EvidenceEvent
            {
                Timestamp = start.AddTicks(i * 10_000L),
                Tenant = "bench",
                Host = "ex01",
                Kind = kind,
                Channel = kind == SourceKind.IisW3c ? "W3SVC1" : "Microsoft-Windows-Sysmon/Operational",
                Fields = fields,
                Provenance = provenance,
            };
        }
    }

    private static SourceKind Iis(Random random, EventFields fields)
    {
        fields.Set("s-ip", "10.20.0.5");
        fields.Set("cs-method", random.Next(4) == 0 ? "POST" : "GET");
        fields.Set("cs-uri-stem", _stems[random.Next(_stems.Length)]);
        fields.Set("cs-uri-query", random.Next(3) == 0 ? "-" : "&CorrelationID=<empty>;&cafeReqId=" + random.Next().ToString("x8", CultureInfo.InvariantCulture) + ";");
        fields.Set("s-port", "443");
        fields.Set("cs-username", "user" + random.Next(500).ToString(CultureInfo.InvariantCulture) + "@corp.example");
        fields.Set("c-ip", "192.168." + random.Next(256).ToString(CultureInfo.InvariantCulture) + "." + random.Next(1, 255).ToString(CultureInfo.InvariantCulture));
        fields.Set("cs(User-Agent)", _agents[random.Next(_agents.Length)]);
        fields.Set("cs(Referer)", "-");
        fields.Set("sc-status", "200");
        fields.Set("time-taken", random.Next(1, 900).ToString(CultureInfo.InvariantCulture));
        return SourceKind.IisW3c;
    }

    private static SourceKind ProcessCreation(Random random, EventFields fields)
    {
        var image = _images[random.Next(_images.Length)];
        fields.Set("EventID", "1");
        fields.Set("Image", image);
        fields.Set("OriginalFileName", Path.GetFileName(image));
        fields.Set("CommandLine", image + " " + _arguments[random.Next(_arguments.Length)]);
        fields.Set("CurrentDirectory", @"C:\Windows\system32\");
        fields.Set("User", @"NT AUTHORITY\SYSTEM");
        fields.Set("IntegrityLevel", "System");
        fields.Set("Hashes", $"SHA1={Hex(random, 40)},MD5={Hex(random, 32)},SHA256={Hex(random, 64)},IMPHASH={Hex(random, 32)}");
        fields.Set("ParentImage", @"C:\Windows\System32\services.exe");
        fields.Set("ParentCommandLine", @"C:\Windows\system32\services.exe");
        return SourceKind.WindowsEvent;
    }

    private static SourceKind Network(Random random, EventFields fields)
    {
        fields.Set("EventID", "3");
        fields.Set("Image", _images[random.Next(_images.Length)]);
        fields.Set("Protocol", "tcp");
        fields.Set("SourceIp", "10.20.0.5");
        fields.Set("SourcePort", random.Next(49152, 65535).ToString(CultureInfo.InvariantCulture));
        fields.Set("DestinationIp", Ipv4(random));
        fields.Set("DestinationHostname", random.Next(2) == 0 ? "-" : Word(random, 2) + ".corp.example");
        fields.Set("DestinationPort", "443");
        return SourceKind.WindowsEvent;
    }

    private static SourceKind FileCreation(Random random, EventFields fields)
    {
        fields.Set("EventID", "11");
        fields.Set("Image", _images[random.Next(_images.Length)]);
        fields.Set("TargetFilename", _folders[random.Next(_folders.Length)] + Word(random, 2) + (random.Next(3) == 0 ? ".tmp" : ".log"));
        return SourceKind.WindowsEvent;
    }

    private static SourceKind Dns(Random random, EventFields fields)
    {
        var name = Word(random, 2) + "." + (random.Next(2) == 0 ? "corp.example" : "microsoft.com");
        fields.Set("EventID", "22");
        fields.Set("Image", _images[random.Next(_images.Length)]);
        fields.Set("QueryName", name);
        fields.Set("QueryStatus", "0");
        fields.Set("QueryResults", "::ffff:" + Ipv4(random) + ";");
        return SourceKind.WindowsEvent;
    }

    /// <summary>Puts the indicator where a real log would show it.</summary>
    private static void Plant(Ioc ioc, EventFields fields)
    {
        switch (ioc.Kind)
        {
            case IocKind.Md5 or IocKind.Sha1 or IocKind.Sha256:
                fields.Set("Hashes", $"{ioc.Kind.ToString().ToUpperInvariant()}={ioc.Value}");
                break;
            case IocKind.Ip:
                fields.Set("DestinationIp", ioc.Value);
                break;
            case IocKind.Cidr:
                fields.Set("c-ip", ioc.Value[..ioc.Value.IndexOf('/', StringComparison.Ordinal)]);
                break;
            case IocKind.Domain:
                fields.Set("QueryName", "cdn." + ioc.Value);
                break;
            case IocKind.Url or IocKind.CommandLine or IocKind.Keyword:
                fields.Set("CommandLine", "powershell.exe -c \"" + ioc.Value + "\"");
                break;
            case IocKind.FileName:
                fields.Set("Image", @"C:\Windows\Temp\" + ioc.Value);
                break;
            case IocKind.FilePath:
                fields.Set("TargetFilename", ioc.Value.Replace("*", "x", StringComparison.Ordinal));
                break;
            case IocKind.UserAgent:
                fields.Set("cs(User-Agent)", ioc.Value + "+(compatible)");
                break;
            case IocKind.FilePathRegex:
                // \\word(32|64)?\.(exe|dll)$
                fields.Set("ImageLoaded", @"C:\Windows\Temp\" + ioc.Value[2..ioc.Value.IndexOf('(', StringComparison.Ordinal)] + "64.dll");
                break;
            case IocKind.CommandLineRegex:
                // word\s+-x\s+\d+
                fields.Set("CommandLine", ioc.Value.Replace(@"\s+", " ", StringComparison.Ordinal).Replace(@"\d+", "42", StringComparison.Ordinal));
                break;
        }
    }

    private static string Word(Random random, int syllables)
    {
        Span<char> buffer = stackalloc char[syllables * 3];
        var length = 0;
        for (var s = 0; s < syllables; s++)
        {
            foreach (var c in _syllables[random.Next(_syllables.Length)])
                buffer[length++] = c;
        }

        return new string(buffer[..length]);
    }

    private static string Domain(Random random) => Word(random, random.Next(2, 4)) + random.Next(100).ToString(CultureInfo.InvariantCulture) + "." + _tlds[random.Next(_tlds.Length)];

    private static string Ipv4(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 224)}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}");

    private static string Hex(Random random, int digits)
    {
        Span<byte> bytes = stackalloc byte[digits / 2];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
