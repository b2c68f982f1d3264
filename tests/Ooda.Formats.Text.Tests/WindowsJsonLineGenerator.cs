using System.Globalization;
using System.Text;

namespace Ooda.Formats.Text.Tests;

/// <summary>
/// Realistic evtx-crate JSON lines with a fixed seed: Sysmon 1 process creations (24 EventData fields, Windows paths,
/// hashes, GUIDs, ~1.5 KB each) and Security 4624 logons, three to one. Varied per line, so no cache sees one value twice.
/// </summary>
internal static class WindowsJsonLineGenerator
{
    private static readonly string[] _images =
    [
        @"C:\Windows\System32\cmd.exe", @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe",
        @"C:\Windows\System32\svchost.exe", @"C:\Program Files\Microsoft Office\root\Office16\WINWORD.EXE",
        @"C:\Windows\System32\rundll32.exe", @"C:\Users\alice\AppData\Local\Temp\setup_x64.exe",
        @"C:\Windows\System32\sc.exe", @"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
    ];

    private static readonly string[] _users = [@"NT AUTHORITY\SYSTEM", @"CONTOSO\alice", @"CONTOSO\bob.admin", @"NT AUTHORITY\NETWORK SERVICE"];

    /// <summary>One event per line, <paramref name="count"/> lines, UTF-8.</summary>
    public static byte[] Lines(int count, int seed = 1)
    {
        var random = new Random(seed);
        var text = new StringBuilder(count * 1500);
        var time = new DateTime(2025, 10, 22, 20, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            time = time.AddTicks(random.Next(1, 20_000_000));
            if (i % 4 == 3)
                AppendLogon(text, random, time, i);
            else
                AppendProcessCreate(text, random, time, i);
            text.Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void AppendProcessCreate(StringBuilder s, Random random, DateTime time, int record)
    {
        var image = _images[random.Next(_images.Length)];
        var parent = _images[random.Next(_images.Length)];
        var user = _users[random.Next(_users.Length)];
        var name = Path.GetFileName(image.Replace('\\', '/'));
        s.Append("""{"Event":{"#attributes":{"xmlns":"http://schemas.microsoft.com/win/2004/08/events/event"},"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Sysmon","Guid":"5770385F-C22A-43E0-BF4C-06F5698FFBD9"}},"EventID":1,"Version":5,"Level":4,"Task":1,"Opcode":0,"Keywords":"0x8000000000000000","TimeCreated":{"#attributes":{"SystemTime":""")
            .Append('"').Append(Iso(time)).Append("\"}},\"EventRecordID\":").Append(Invariant(256875 + record))
            .Append(""","Correlation":null,"Execution":{"#attributes":{"ProcessID":3168,"ThreadID":""").Append(Invariant(4000 + random.Next(900)))
            .Append("""}},"Channel":"Microsoft-Windows-Sysmon/Operational","Computer":"ws-""").Append(Invariant(random.Next(40))).Append(""".contoso.local","Security":{"#attributes":{"UserID":"S-1-5-18"}}},"EventData":{""")
            .Append("\"RuleName\":\"-\",\"UtcTime\":\"").Append(time.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture))
            .Append("\",\"ProcessGuid\":\"").Append(Guid(random)).Append("\",\"ProcessId\":").Append(Invariant(random.Next(100, 30000)))
            .Append(",\"Image\":").Append(Json(image))
            .Append(",\"FileVersion\":\"10.0.19041.").Append(Invariant(random.Next(5000))).Append(" (WinBuild.160101.0800)\"")
            .Append(",\"Description\":\"Windows Command Processor\",\"Product\":\"Microsoft\u00ae Windows\u00ae Operating System\",\"Company\":\"Microsoft Corporation\"")
            .Append(",\"OriginalFileName\":").Append(Json(name.ToUpperInvariant()))
            .Append(",\"CommandLine\":").Append(Json($"\"{image}\" /c \"copy C:\\Users\\alice\\Documents\\report-{random.Next(100000)}.docx \\\\fs01\\share$\\drop\\\""))
            .Append(",\"CurrentDirectory\":").Append(Json(@"C:\Users\alice\AppData\Local\Temp\" + Invariant(random.Next(1000)) + @"\"))
            .Append(",\"User\":").Append(Json(user))
            .Append(",\"LogonGuid\":\"").Append(Guid(random)).Append("\",\"LogonId\":\"0x").Append(random.Next(0x3e7, 0xfffffff).ToString("x", CultureInfo.InvariantCulture))
            .Append("\",\"TerminalSessionId\":").Append(Invariant(random.Next(3)))
            .Append(",\"IntegrityLevel\":\"").Append(random.Next(3) switch { 0 => "System", 1 => "High", _ => "Medium" })
            .Append("\",\"Hashes\":\"SHA1=").Append(Hex(random, 20)).Append(",MD5=").Append(Hex(random, 16)).Append(",SHA256=").Append(Hex(random, 32)).Append(",IMPHASH=").Append(Hex(random, 16))
            .Append("\",\"ParentProcessGuid\":\"").Append(Guid(random)).Append("\",\"ParentProcessId\":").Append(Invariant(random.Next(100, 30000)))
            .Append(",\"ParentImage\":").Append(Json(parent))
            .Append(",\"ParentCommandLine\":").Append(Json($"\"{parent}\" -k netsvcs -p -s Schedule"))
            .Append(",\"ParentUser\":").Append(Json(_users[random.Next(_users.Length)]))
            .Append("}}}");
    }

    private static void AppendLogon(StringBuilder s, Random random, DateTime time, int record)
    {
        s.Append("""{"Event":{"#attributes":{"xmlns":"http://schemas.microsoft.com/win/2004/08/events/event"},"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Security-Auditing","Guid":"54849625-5478-4994-A5BA-3E3B0328C30D"}},"EventID":4624,"Version":2,"Level":0,"Task":12544,"Opcode":0,"Keywords":"0x8020000000000000","TimeCreated":{"#attributes":{"SystemTime":""")
            .Append('"').Append(Iso(time)).Append("\"}},\"EventRecordID\":").Append(Invariant(77 + record))
            .Append(""","Correlation":{"#attributes":{"ActivityID":""").Append('"').Append(Guid(random)).Append("\"}},\"Execution\":{\"#attributes\":{\"ProcessID\":636,\"ThreadID\":").Append(Invariant(random.Next(500, 9000)))
            .Append("""}},"Channel":"Security","Computer":"dc01.contoso.local","Security":null},"EventData":{""")
            .Append("\"SubjectUserSid\":\"S-1-5-18\",\"SubjectUserName\":\"DC01$\",\"SubjectDomainName\":\"CONTOSO\",\"SubjectLogonId\":\"0x3e7\"")
            .Append(",\"TargetUserSid\":\"S-1-5-21-3623811015-3361044348-30300820-").Append(Invariant(1000 + random.Next(500)))
            .Append("\",\"TargetUserName\":\"user").Append(Invariant(random.Next(500))).Append("\",\"TargetDomainName\":\"CONTOSO\",\"TargetLogonId\":\"0x")
            .Append(random.Next(0x10000, 0xfffffff).ToString("x", CultureInfo.InvariantCulture))
            .Append("\",\"LogonType\":").Append(Invariant(random.Next(2) == 0 ? 3 : 10))
            .Append(",\"LogonProcessName\":\"NtLmSsp \",\"AuthenticationPackageName\":\"NTLM\",\"WorkstationName\":\"WS-").Append(Invariant(random.Next(40)))
            .Append("\",\"LogonGuid\":\"{00000000-0000-0000-0000-000000000000}\",\"TransmittedServices\":\"-\",\"LmPackageName\":\"NTLM V2\",\"KeyLength\":128")
            .Append(",\"ProcessId\":\"0x0\",\"ProcessName\":\"-\",\"IpAddress\":\"10.0.").Append(Invariant(random.Next(256))).Append('.').Append(Invariant(random.Next(256)))
            .Append("\",\"IpPort\":").Append(Invariant(random.Next(1024, 65535)))
            .Append(",\"ImpersonationLevel\":\"%%1833\",\"RestrictedAdminMode\":\"-\",\"TargetOutboundUserName\":\"-\",\"TargetOutboundDomainName\":\"-\"")
            .Append(",\"VirtualAccount\":\"%%1843\",\"TargetLinkedLogonId\":\"0x0\",\"ElevatedToken\":\"%%1842\"}}}");
    }

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Json(string value) => System.Text.Json.JsonSerializer.Serialize(value, JsonLineOptions.Relaxed);

    private static string Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return "{" + new System.Guid(bytes).ToString("D").ToUpperInvariant() + "}";
    }

    private static string Hex(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return Convert.ToHexString(bytes);
    }
}
