using System.Globalization;
using System.Text;

namespace Ooda.Demo.Internal;

/// <summary>Writes IIS 10 W3C extended logs, one <c>u_exYYMMDD.log</c> per UTC day, CRLF like IIS.</summary>
internal sealed class IisLogWriter(OutputTracker output, string folder, string serverIp) : IDisposable
{
    private const string Fields = "date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken";

    private readonly StringBuilder _line = new(512);
    private StreamWriter? _writer;
    private string? _path;
    private DateTime _day;
    private long _count;

    public void Write(WebRequest r)
    {
        var day = r.Time.Date;
        if (_writer is null || day != _day)
            Open(day, r.Time);

        var line = _line.Clear();
        line.Append(r.Time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append(' ')
            .Append(serverIp).Append(' ')
            .Append(r.Method).Append(' ')
            .Append(r.Stem).Append(' ');
        var query = r.Protocol is null ? r.Query : (r.Query ?? "") + "&CorrelationID=<empty>;&cafeReqId=" + r.RequestId.ToString("D") + ";";
        AppendField(line, query).Append(' ')
            .Append(r.Port.ToString(CultureInfo.InvariantCulture)).Append(' ');
        AppendField(line, r.User).Append(' ')
            .Append(r.ClientIp).Append(' ');
        AppendField(line, r.UserAgent?.Replace(' ', '+')).Append(' ');
        AppendField(line, r.Referer).Append(' ')
            .Append(r.Status.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(r.SubStatus.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(r.Win32Status.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(r.TimeTaken.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        _writer!.Write(line);
        _count++;
    }

    public void Dispose() => Close();

    private static StringBuilder AppendField(StringBuilder line, string? value) =>
        line.Append(string.IsNullOrEmpty(value) ? "-" : value);

    private void Open(DateTime day, DateTime first)
    {
        Close();
        _day = day;
        _path = folder + "/u_ex" + day.ToString("yyMMdd", CultureInfo.InvariantCulture) + ".log";
        _writer = new StreamWriter(output.Create(_path), new UTF8Encoding(false), 1 << 16) { NewLine = "\r\n" };
        _writer.Write("#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n#Date: ");
        _writer.Write(first.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        _writer.Write("\r\n#Fields: " + Fields + "\r\n");
    }

    private void Close()
    {
        if (_writer is null)
            return;
        _writer.Flush();
        var length = _writer.BaseStream.Length;
        _writer.Dispose();
        output.Record(_path!, DemoFileKind.IisW3c, _count, length);
        _writer = null;
        _count = 0;
    }
}
