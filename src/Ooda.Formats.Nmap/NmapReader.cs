using System.Globalization;
using System.Xml;
using System.Xml.Linq;
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
                    host = Host(XElement.Load(subtree), scanned, location, path, report);
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

    private static NmapHost? Host(XElement e, NmapPortSet? scanned, string location, string path, Action<Diagnostic> report)
    {
        var addresses = e.Elements("address")
            .Select(a => new NmapAddress((string?)a.Attribute("addr") ?? "", (string?)a.Attribute("addrtype") ?? "ipv4"))
            .Where(a => a.Address.Length > 0).ToList();
        if (addresses.Count == 0)
        {
            report(new Diagnostic(path, location, "host without an address, skipped", DiagnosticSeverity.Warning));
            return null;
        }

        var ports = new List<NmapPort>();
        foreach (var p in e.Element("ports")?.Elements("port") ?? [])
        {
            if (!int.TryParse((string?)p.Attribute("portid"), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                report(new Diagnostic(path, location, $"port with a bad portid '{(string?)p.Attribute("portid")}' skipped", DiagnosticSeverity.Warning));
                continue;
            }

            var state = p.Element("state");
            var service = p.Element("service");
            ports.Add(new NmapPort(
                (string?)p.Attribute("protocol") ?? "tcp",
                number,
                (string?)state?.Attribute("state") ?? "unknown",
                (string?)state?.Attribute("reason"),
                service is null ? null : new NmapService((string?)service.Attribute("name"), (string?)service.Attribute("product"), (string?)service.Attribute("version"), (string?)service.Attribute("tunnel"))));
        }

        var extra = (e.Element("ports")?.Elements("extraports") ?? [])
            .Select(x => new NmapExtraPorts((string?)x.Attribute("state") ?? "unknown", int.TryParse((string?)x.Attribute("count"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0))
            .ToList();
        var hostnames = (e.Element("hostnames")?.Elements("hostname") ?? []).Select(h => (string?)h.Attribute("name")).OfType<string>().ToList();
        return new NmapHost((string?)e.Element("status")?.Attribute("state") ?? "unknown", addresses, hostnames, ports, extra, scanned, location);
    }

    private static string Where(IXmlLineInfo info) => info.HasLineInfo() ? Line(info.LineNumber, info.LinePosition) : "";

    private static string Line(int line, int column) => string.Create(CultureInfo.InvariantCulture, $"{line}:{column}");
}
