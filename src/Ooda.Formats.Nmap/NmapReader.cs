using System.Globalization;
using System.Xml;
using Ooda.Core;

namespace Ooda.Formats.Nmap;

/// <summary>
/// Streams the hosts of an nmap <c>-oX</c> file, one <c>&lt;host&gt;</c> in memory at a time. DTDs and external entities
/// are never processed. A truncated file or a bad host is a diagnostic; the hosts read before it are kept.
/// </summary>
public static class NmapReader
{
    private const string RootElement = "nmaprun";

    public static IEnumerable<NmapHost> ReadFile(string path, Action<Diagnostic> report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Iterate(path, report, cancellationToken);

        static IEnumerable<NmapHost> Iterate(string path, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            using var stream = File.OpenRead(path);
            foreach (var host in Read(stream, path, report, cancellationToken))
                yield return host;
        }
    }

    public static IEnumerable<NmapHost> Read(Stream stream, string path, Action<Diagnostic> report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
        };
        using var xml = XmlReader.Create(stream, settings);
        var info = (IXmlLineInfo)xml;
        NmapPortSet? scanned = null;
        var sawRoot = false;
        while (true)
        {
            NmapHost? host = null;
            try
            {
                if (!xml.Read())
                    break;
                if (xml.NodeType != XmlNodeType.Element)
                    continue;
                if (!sawRoot)
                {
                    if (xml.LocalName != RootElement)
                    {
                        report(new Diagnostic(path, Where(info), $"not nmap XML: the root element is <{xml.LocalName}>, not <{RootElement}>"));
                        yield break;
                    }

                    sawRoot = true;
                    continue;
                }

                if (xml.Depth == 1 && xml.LocalName == "scaninfo" && xml.GetAttribute("protocol") == "tcp")
                    scanned = NmapPortSet.TryParse(xml.GetAttribute("services"));
                else if (xml.Depth == 1 && xml.LocalName == "host")
                {
                    var location = Where(info);
                    using var subtree = xml.ReadSubtree();
                    host = Host(subtree, scanned, location, path, report);
                }
            }
            catch (XmlException e)
            {
                report(new Diagnostic(path, e.LineNumber > 0 ? Line(e.LineNumber, e.LinePosition) : Where(info),
                    sawRoot ? $"XML ends or breaks here, the rest of the file is lost: {e.Message}" : $"not XML: {e.Message}"));
                yield break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (host is not null)
                yield return host;
        }

        if (!sawRoot)
            report(new Diagnostic(path, "", "not nmap XML: no <nmaprun> element"));
    }

    /// <summary>Reads one <c>&lt;host&gt;</c> straight from the reader: no element tree per host, which was most of the cost on big scans.</summary>
    private static NmapHost? Host(XmlReader e, NmapPortSet? scanned, string location, string path, Action<Diagnostic> report)
    {
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

        // Depths inside the subtree: 0 host, 1 status/address/hostnames/ports, 2 hostname/port/extraports, 3 state/service.
        while (e.Read())
        {
            if (e.NodeType != XmlNodeType.Element)
                continue;
            switch (e.Depth, e.LocalName)
            {
                case (1, "status"):
                    state = e.GetAttribute("state") ?? "unknown";
                    break;
                case (1, "address"):
                    if (e.GetAttribute("addr") is { Length: > 0 } addr)
                        addresses.Add(new NmapAddress(addr, e.GetAttribute("addrtype") ?? "ipv4"));
                    break;
                case (2, "hostname"):
                    if (e.GetAttribute("name") is { } name)
                        hostnames.Add(name);
                    break;
                case (2, "port"):
                    EndPort();
                    var portid = e.GetAttribute("portid");
                    if (!int.TryParse(portid, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                    {
                        report(new Diagnostic(path, location, $"port with a bad portid '{portid}' skipped", DiagnosticSeverity.Warning));
                        break;
                    }

                    port = (e.GetAttribute("protocol") ?? "tcp", number, "unknown", null, null);
                    break;
                case (2, "extraports"):
                    EndPort();
                    extra.Add(new NmapExtraPorts(e.GetAttribute("state") ?? "unknown",
                        int.TryParse(e.GetAttribute("count"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0));
                    break;
                case (3, "state") when port is { } p:
                    port = p with { State = e.GetAttribute("state") ?? "unknown", Reason = e.GetAttribute("reason") };
                    break;
                case (3, "service") when port is { } p:
                    port = p with { Service = new NmapService(e.GetAttribute("name"), e.GetAttribute("product"), e.GetAttribute("version"), e.GetAttribute("tunnel")) };
                    break;
            }
        }

        EndPort();
        if (addresses.Count == 0)
        {
            report(new Diagnostic(path, location, "host without an address, skipped", DiagnosticSeverity.Warning));
            return null;
        }

        return new NmapHost(state, addresses, hostnames, ports, extra, scanned, location);
    }

    private static string Where(IXmlLineInfo info) => info.HasLineInfo() ? Line(info.LineNumber, info.LinePosition) : "";

    private static string Line(int line, int column) => string.Create(CultureInfo.InvariantCulture, $"{line}:{column}");
}
