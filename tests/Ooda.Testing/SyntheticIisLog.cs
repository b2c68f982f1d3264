using System.Globalization;
using System.Text;

namespace Ooda.Testing;

/// <summary>Writes IIS W3C logs of any size from a fixed seed, for ingest tests that need volume.</summary>
public static class SyntheticIisLog
{
    public const string Header =
        "#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n#Date: 2021-08-06 00:00:00\n" +
        "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\n";

    private static readonly string[] _stems = ["/owa/", "/EWS/Exchange.asmx", "/Microsoft-Server-ActiveSync", "/autodiscover/autodiscover.xml", "/mapi/emsmdb/", "/ecp/"];

    /// <summary>Writes a log of <paramref name="lines"/> request lines to <paramref name="path"/>.</summary>
    public static void Write(string path, int lines, int seed = 1)
    {
        var random = new Random(seed);
        var start = new DateTime(2021, 8, 6, 0, 0, 0, DateTimeKind.Utc);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.Write(Header);
        for (var i = 0; i < lines; i++)
        {
            var t = start.AddMilliseconds(i * 37L);
            writer.Write(t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            writer.Write(" 10.0.0.5 ");
            writer.Write(random.Next(4) == 0 ? "POST " : "GET ");
            writer.Write(_stems[random.Next(_stems.Length)]);
            writer.Write(" &CorrelationID=<empty>;&cafeReqId=");
            writer.Write(random.Next().ToString("x8", CultureInfo.InvariantCulture));
            writer.Write("; 443 user");
            writer.Write(random.Next(50).ToString(CultureInfo.InvariantCulture));
            writer.Write("@corp.example 192.168.1.");
            writer.Write((random.Next(250) + 2).ToString(CultureInfo.InvariantCulture));
            writer.Write(" Microsoft+Office/16.0+(Windows+NT+10.0;+Microsoft+Outlook+16.0.5023;+Pro) - 200 0 0 ");
            writer.Write(random.Next(1, 900).ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }
}
