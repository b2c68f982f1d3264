using System.Globalization;
using System.Text;

namespace Ooda.LoadTest;

/// <summary>
/// Small IIS W3C logs, different for every number (fixed seed per number): routine Exchange traffic plus one POST to a
/// script page in aspnet_client, which the ProxyShell runbook turns into findings and leads.
/// </summary>
internal static class EvidenceGenerator
{
    public const int Lines = 200;

    private static readonly string[] _stems = ["/owa/", "/EWS/Exchange.asmx", "/Microsoft-Server-ActiveSync", "/mapi/emsmdb/", "/ecp/"];

    public static byte[] IisLog(int number)
    {
        var random = new Random(number);
        var start = new DateTime(2021, 8, 6, 0, 0, 0, DateTimeKind.Utc).AddMinutes(number);
        var text = new StringBuilder(
            "#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n#Date: 2021-08-06 00:00:00\n"
            + "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken\n");
        for (var i = 0; i < Lines; i++)
        {
            var t = start.AddSeconds(i).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var stem = i == Lines / 2 ? $"/aspnet_client/shell{number % 7}.aspx" : _stems[random.Next(_stems.Length)];
            var method = i == Lines / 2 ? "POST" : random.Next(4) == 0 ? "POST" : "GET";
            text.Append(CultureInfo.InvariantCulture,
                $"{t} 10.0.0.5 {method} {stem} cafeReqId={random.Next():x8} 443 user{random.Next(50)}@corp.example 192.168.1.{random.Next(2, 252)} Mozilla/5.0 200 0 0 {random.Next(1, 900)}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
