using System.Globalization;
using System.Net;
using System.Xml;
using Ooda.Core;
using Ooda.Formats.Nmap.Internal;

namespace Ooda.Formats.Nmap;

/// <summary>
/// Streams the hosts of an nmap <c>-oX</c> file with a forward-only <see cref="XmlReader"/>, one <c>&lt;host&gt;</c> in
/// memory at a time. DTDs and external entities are never processed. A truncated file or a bad host is a diagnostic;
/// the hosts read before it are kept.
/// </summary>
public static class NmapReader
{
    /// <summary>Deeper nesting than any nmap file has is refused: the reader itself sets no limit.</summary>
    private const int MaxDepth = 256;

    private delegate void HostReader<T>(XmlReader xml, NmapNames names, NmapPortSet? scanned, string path, Action<Diagnostic> report, List<T> output);

    public static IEnumerable<NmapHost> ReadFile(string path, Action<Diagnostic> report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(report);
        return FromFile<NmapHost>(path, report, FullHost, cancellationToken);
    }

    public static IEnumerable<NmapHost> Read(Stream stream, string path, Action<Diagnostic> report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        return Hosts<NmapHost>(stream, path, report, FullHost, cancellationToken);
    }

    /// <summary>
    /// What every scanned IP address said about one TCP port: the same answer as <see cref="NmapHost.TcpPortState"/>,
    /// with the same diagnostics as <see cref="ReadFile"/>, but nothing else of the host is kept (no names, services or
    /// other ports), for scans of many thousands of hosts.
    /// </summary>
    public static IEnumerable<NmapPortAnswer> ReadTcpPortFile(string path, int port, Action<Diagnostic> report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(report);
        return FromFile<NmapPortAnswer>(path, report, (xml, names, scanned, p, r, output) => PortAnswers(xml, names, scanned, port, p, r, output), cancellationToken);
    }

    /// <inheritdoc cref="ReadTcpPortFile"/>
    public static IEnumerable<NmapPortAnswer> ReadTcpPort(Stream stream, string path, int port, Action<Diagnostic> report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        return Hosts<NmapPortAnswer>(stream, path, report, (xml, names, scanned, p, r, output) => PortAnswers(xml, names, scanned, port, p, r, output), cancellationToken);
    }

    private static IEnumerable<T> FromFile<T>(string path, Action<Diagnostic> report, HostReader<T> host, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        foreach (var item in Hosts(stream, path, report, host, cancellationToken))
            yield return item;
    }

    private static IEnumerable<T> Hosts<T>(Stream stream, string path, Action<Diagnostic> report, HostReader<T> host, CancellationToken cancellationToken)
    {
        var names = new NmapNames(new NameTable());
        var settings = new XmlReaderSettings
        {
            NameTable = names.Table,
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
            // Only the five predefined entities and character references are ever expanded; this bounds them all the same.
            MaxCharactersFromEntities = 1 << 20,
            CloseInput = false,
        };
        using var xml = XmlReader.Create(stream, settings);
        var info = (IXmlLineInfo)xml;
        NmapPortSet? scanned = null;
        var sawRoot = false;
        var output = new List<T>();
        while (true)
        {
            output.Clear();
            try
            {
                if (!xml.Read())
                    break;
                if (xml.NodeType != XmlNodeType.Element)
                    continue;
                if (xml.Depth == 0)
                {
                    if (!ReferenceEquals(xml.LocalName, names.NmapRun))
                    {
                        report(new Diagnostic(path, Where(info), $"not nmap XML: the root element is <{xml.Name}>, not <nmaprun>"));
                        yield break;
                    }

                    sawRoot = true;
                }
                else if (xml.Depth == 1 && ReferenceEquals(xml.LocalName, names.ScanInfo) && xml.GetAttribute(names.Protocol) == "tcp")
                {
                    scanned = NmapPortSet.TryParse(xml.GetAttribute(names.Services));
                }
                else if (xml.Depth == 1 && ReferenceEquals(xml.LocalName, names.Host))
                {
                    host(xml, names, scanned, path, report, output);
                }
                else
                {
                    CheckDepth(xml, info);
                }
            }
            catch (XmlException e)
            {
                report(new Diagnostic(path, e.LineNumber > 0 ? Where(e.LineNumber, e.LinePosition) : Where(info),
                    sawRoot ? $"XML ends or breaks here, the rest of the file is lost: {e.Message}" : $"not XML: {e.Message}"));
                yield break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            foreach (var item in output)
                yield return item;
        }
    }

    /// <summary>Reads one <c>&lt;host&gt;</c> into the full model.</summary>
    private static void FullHost(XmlReader xml, NmapNames names, NmapPortSet? scanned, string path, Action<Diagnostic> report, List<NmapHost> output)
    {
        var info = (IXmlLineInfo)xml;
        var location = Where(info);
        var state = "unknown";
        var addresses = new List<NmapAddress>();
        var hostnames = new List<string>();
        var ports = new List<NmapPort>();
        var extra = new List<NmapExtraPorts>();
        (string Protocol, int Number, string State, string? Reason, NmapService? Service)? port = null;
        void EndPort()
        {
            if (port is { } p)
                ports.Add(new NmapPort(p.Protocol, p.Number, p.State, p.Reason, p.Service));
            port = null;
        }

        // Depths inside the host: 0 host, 1 status/address/hostnames/ports, 2 hostname/port/extraports, 3 state/service.
        var empty = xml.IsEmptyElement;
        while (!empty && NextInHost(xml, info) is var depth and >= 0)
        {
            var name = xml.LocalName;
            if (depth == 1 && ReferenceEquals(name, names.Status))
            {
                state = xml.GetAttribute(names.State) ?? "unknown";
            }
            else if (depth == 1 && ReferenceEquals(name, names.Address))
            {
                if (xml.GetAttribute(names.Addr) is { Length: > 0 } addr)
                    addresses.Add(new NmapAddress(addr, xml.GetAttribute(names.AddrType) ?? "ipv4"));
            }
            else if (depth == 2 && ReferenceEquals(name, names.Hostname))
            {
                if (xml.GetAttribute(names.Name) is { } hostname)
                    hostnames.Add(hostname);
            }
            else if (depth == 2 && ReferenceEquals(name, names.Port))
            {
                EndPort();
                if (PortNumber(xml, names, path, location, report) is { } number)
                    port = (xml.GetAttribute(names.Protocol) ?? "tcp", number, "unknown", null, null);
            }
            else if (depth == 2 && ReferenceEquals(name, names.ExtraPorts))
            {
                EndPort();
                extra.Add(new NmapExtraPorts(xml.GetAttribute(names.State) ?? "unknown",
                    int.TryParse(xml.GetAttribute(names.Count), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0));
            }
            else if (depth == 3 && ReferenceEquals(name, names.State) && port is { } p)
            {
                port = p with { State = xml.GetAttribute(names.State) ?? "unknown", Reason = xml.GetAttribute(names.Reason) };
            }
            else if (depth == 3 && ReferenceEquals(name, names.Service) && port is { } q)
            {
                port = q with
                {
                    Service = new NmapService(xml.GetAttribute(names.Name), xml.GetAttribute(names.Product), xml.GetAttribute(names.Version), xml.GetAttribute(names.Tunnel)),
                };
            }
        }

        EndPort();
        if (addresses.Count == 0)
        {
            report(new Diagnostic(path, location, "host without an address, skipped", DiagnosticSeverity.Warning));
            return;
        }

        output.Add(new NmapHost(state, addresses, hostnames, ports, extra, scanned, location));
    }

    /// <summary>Reads one <c>&lt;host&gt;</c> for one TCP port: the rules of <see cref="FullHost"/> and <see cref="NmapHost.TcpPortState"/>, nothing kept but the answer.</summary>
    private static void PortAnswers(XmlReader xml, NmapNames names, NmapPortSet? scanned, int port, string path, Action<Diagnostic> report, List<NmapPortAnswer> output)
    {
        var info = (IXmlLineInfo)xml;
        var (line, column) = (info.LineNumber, info.LinePosition);
        var start = output.Count;
        var up = false;
        var addresses = 0;
        var inTarget = false;
        string? listed = null;
        var extraPorts = 0;
        string? extraState = null;
        var empty = xml.IsEmptyElement;
        while (!empty && NextInHost(xml, info) is var depth and >= 0)
        {
            var name = xml.LocalName;
            if (depth == 1 && ReferenceEquals(name, names.Status))
            {
                up = xml.GetAttribute(names.State) == "up";
            }
            else if (depth == 1 && ReferenceEquals(name, names.Address))
            {
                if (xml.GetAttribute(names.Addr) is not { Length: > 0 } addr)
                    continue;
                addresses++;
                var type = xml.GetAttribute(names.AddrType);
                if (type is null or "ipv4" or "ipv6" && ParseAddress(addr) is { } address)
                    output.Add(new NmapPortAnswer(address, false, null));
            }
            else if (depth == 2 && ReferenceEquals(name, names.Port))
            {
                var number = PortNumber(xml, names, path, Where(line, column), report);
                inTarget = number == port && listed is null && xml.GetAttribute(names.Protocol) is null or "tcp";
                if (inTarget)
                    listed = "unknown";
            }
            else if (depth == 2 && ReferenceEquals(name, names.ExtraPorts))
            {
                inTarget = false;
                extraPorts++;
                extraState = xml.GetAttribute(names.State) ?? "unknown";
            }
            else if (depth == 3 && inTarget && ReferenceEquals(name, names.State))
            {
                listed = xml.GetAttribute(names.State) ?? "unknown";
            }
        }

        if (addresses == 0)
        {
            report(new Diagnostic(path, Where(line, column), "host without an address, skipped", DiagnosticSeverity.Warning));
            return;
        }

        var answer = !up ? null
            : listed ?? (scanned is null || !scanned.Contains(port) ? null : extraPorts == 1 ? extraState : "closed|filtered");
        for (var i = start; i < output.Count; i++)
            output[i] = output[i] with { HostUp = up, State = answer };
    }

    /// <summary>The depth inside the host of the next element start; -1 at the host's end.</summary>
    private static int NextInHost(XmlReader xml, IXmlLineInfo info)
    {
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element)
            {
                CheckDepth(xml, info);
                return xml.Depth - 1;
            }

            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == 1)
                return -1;
        }

        return -1;
    }

    private static void CheckDepth(XmlReader xml, IXmlLineInfo info)
    {
        if (xml.Depth >= MaxDepth)
            throw new XmlException($"elements nested deeper than {MaxDepth}", null, info.LineNumber, info.LinePosition);
    }

    private static int? PortNumber(XmlReader xml, NmapNames names, string path, string host, Action<Diagnostic> report)
    {
        var portid = xml.GetAttribute(names.PortId);
        if (int.TryParse(portid, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number;
        report(new Diagnostic(path, host, $"port with a bad portid '{portid}' skipped", DiagnosticSeverity.Warning));
        return null;
    }

    /// <summary>An IP address as nmap writes it (brackets and white space tolerated); null when it is not one.</summary>
    private static IPAddress? ParseAddress(string text) =>
        text.Length <= 128 && IPAddress.TryParse(text.AsSpan().Trim().Trim(['[', ']']), out var address) ? address : null;

    private static string Where(IXmlLineInfo info) => info.HasLineInfo() ? Where(info.LineNumber, info.LinePosition) : "";

    private static string Where(int line, int column) => string.Create(CultureInfo.InvariantCulture, $"{line}:{column}");
}
