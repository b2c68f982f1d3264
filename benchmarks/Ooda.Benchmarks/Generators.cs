using System.Globalization;
using System.Text;

namespace Ooda.Benchmarks;

/// <summary>Writes large, realistic evidence files from a fixed seed, streaming, for throughput and memory runs.</summary>
public static class Generators
{
    private static readonly string[] _stems = ["/owa/", "/EWS/Exchange.asmx", "/Microsoft-Server-ActiveSync/default.eas", "/autodiscover/autodiscover.xml", "/mapi/emsmdb/", "/ecp/default.aspx", "/owa/auth/logon.aspx"];

    private static readonly string[] _agents =
    [
        "Microsoft+Office/16.0+(Windows+NT+10.0;+Microsoft+Outlook+16.0.5023;+Pro)",
        "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/92.0.4515.131+Safari/537.36",
        "Apple-iPhone13C2/1805.234",
        "MSRPC",
    ];

    private static readonly string[] _images =
    [
        "C:\\Windows\\System32\\svchost.exe", "C:\\Windows\\System32\\conhost.exe", "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Bin\\MSExchangeHMWorker.exe",
        "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "C:\\Windows\\System32\\msiexec.exe", "C:\\Windows\\System32\\taskhostw.exe",
    ];

    public static int Iis(string path, long lines)
    {
        var random = new Random(7);
        var start = new DateTime(2021, 8, 1, 0, 0, 0, DateTimeKind.Utc);
        using var writer = Writer(path);
        writer.Write("#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n#Date: 2021-08-01 00:00:00\n");
        writer.Write("#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\n");
        for (long i = 0; i < lines; i++)
        {
            var t = start.AddTicks(i * 3_000_000L);
            writer.Write(t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            writer.Write(" 10.20.0.5 ");
            writer.Write(random.Next(4) == 0 ? "POST " : "GET ");
            writer.Write(_stems[random.Next(_stems.Length)]);
            writer.Write(" &CorrelationID=<empty>;&cafeReqId=");
            writer.Write(random.Next().ToString("x8", CultureInfo.InvariantCulture));
            writer.Write("; 443 user");
            writer.Write(random.Next(500).ToString(CultureInfo.InvariantCulture));
            writer.Write("@corp.example 192.168.");
            writer.Write(random.Next(256).ToString(CultureInfo.InvariantCulture));
            writer.Write('.');
            writer.Write(random.Next(1, 255).ToString(CultureInfo.InvariantCulture));
            writer.Write(' ');
            writer.Write(_agents[random.Next(_agents.Length)]);
            writer.Write(" - 200 0 0 ");
            writer.Write(random.Next(1, 900).ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }

        return 0;
    }

    public static int WindowsJsonLines(string path, long events)
    {
        var random = new Random(11);
        var start = new DateTime(2021, 8, 1, 0, 0, 0, DateTimeKind.Utc);
        using var writer = Writer(path);
        for (long i = 0; i < events; i++)
        {
            var t = start.AddTicks(i * 1_000_000L).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
            var image = _images[random.Next(_images.Length)];
            var pid = random.Next(100, 9000);
            writer.Write("{\"Event\":{\"#attributes\":{\"xmlns\":\"http://schemas.microsoft.com/win/2004/08/events/event\"},\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"Microsoft-Windows-Sysmon\",\"Guid\":\"5770385F-C22A-43E0-BF4C-06F5698FFBD9\"}},\"EventID\":1,\"Version\":5,\"Level\":4,\"Task\":1,\"Opcode\":0,\"Keywords\":\"0x8000000000000000\",\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\"");
            writer.Write(t);
            writer.Write("\"}},\"EventRecordID\":");
            writer.Write((i + 1).ToString(CultureInfo.InvariantCulture));
            writer.Write(",\"Correlation\":null,\"Execution\":{\"#attributes\":{\"ProcessID\":3544,\"ThreadID\":4272}},\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"Computer\":\"EXCH01.corp.example\",\"Security\":{\"#attributes\":{\"UserID\":\"S-1-5-18\"}}},\"EventData\":{\"RuleName\":\"-\",\"UtcTime\":\"");
            writer.Write(t[..23].Replace('T', ' '));
            writer.Write("\",\"ProcessGuid\":\"0197231E-005A-6928-A50B-");
            writer.Write(i.ToString("X12", CultureInfo.InvariantCulture));
            writer.Write("\",\"ProcessId\":");
            writer.Write(pid.ToString(CultureInfo.InvariantCulture));
            writer.Write(",\"Image\":\"");
            writer.Write(image.Replace("\\", "\\\\", StringComparison.Ordinal));
            writer.Write("\",\"FileVersion\":\"10.0.17763.1\",\"Description\":\"Host Process\",\"Product\":\"Microsoft Windows Operating System\",\"Company\":\"Microsoft Corporation\",\"OriginalFileName\":\"svchost.exe\",\"CommandLine\":\"");
            writer.Write(image.Replace("\\", "\\\\", StringComparison.Ordinal));
            writer.Write(" -k netsvcs -p -s Schedule\",\"CurrentDirectory\":\"C:\\\\Windows\\\\system32\\\\\",\"User\":\"NT AUTHORITY\\\\SYSTEM\",\"LogonGuid\":\"0197231E-005A-6928-E703-000000000000\",\"LogonId\":\"0x3e7\",\"TerminalSessionId\":0,\"IntegrityLevel\":\"System\",\"Hashes\":\"SHA256=");
            writer.Write(random.NextInt64().ToString("X16", CultureInfo.InvariantCulture));
            writer.Write("\",\"ParentProcessGuid\":\"0197231E-0001-6928-0B00-000000000D00\",\"ParentProcessId\":");
            writer.Write((pid / 3).ToString(CultureInfo.InvariantCulture));
            writer.Write(",\"ParentImage\":\"C:\\\\Windows\\\\System32\\\\services.exe\",\"ParentCommandLine\":\"C:\\\\Windows\\\\system32\\\\services.exe\",\"ParentUser\":\"NT AUTHORITY\\\\SYSTEM\"}}}\n");
        }

        return 0;
    }

    private static StreamWriter Writer(string path) =>
        new(path, false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
}
