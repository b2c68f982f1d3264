using System.Globalization;
using System.Text;
using System.Xml;

namespace Ooda.Demo.Internal;

/// <summary>
/// Writes nmap <c>-oX</c> XML of the tenants' internet-facing addresses as the MDR team scanned them.
/// nmap cannot mix address families in one run, so IPv6 targets go to a second file scanned with <c>-6</c>.
/// </summary>
internal static class NmapWriter
{
    public const string Ipv4File = "scans/external.xml";
    public const string Ipv6File = "scans/external-ipv6.xml";

    private const string Ports = "25,80,443";

    private enum Exposure
    {
        Open,
        Filtered,
        Down,
    }

    public static void Write(OutputTracker output, IReadOnlyList<HostProfile> hosts, DateTime scanTime)
    {
        var targets = hosts.Where(h => h.Host.PublicIp is not null).ToList();
        Write(output, Ipv4File, targets.Where(h => !h.Host.PublicIp!.Contains(':', StringComparison.Ordinal)).ToList(), scanTime, ipv6: false);
        Write(output, Ipv6File, targets.Where(h => h.Host.PublicIp!.Contains(':', StringComparison.Ordinal)).ToList(), scanTime.AddMinutes(3), ipv6: true);
    }

    private static Exposure ExposureOf(HostProfile host) => host.Host.Name switch
    {
        "birch-ex02" => Exposure.Filtered,
        "cobalt-ex02" => Exposure.Down,
        _ => Exposure.Open,
    };

    private static void Write(OutputTracker output, string path, IReadOnlyList<HostProfile> targets, DateTime start, bool ipv6)
    {
        var addresses = string.Join(' ', targets.Select(t => t.Host.PublicIp));
        var args = "nmap -sS -sV " + (ipv6 ? "-6 " : "") + "-p " + Ports + " -oX " + Path.GetFileName(path) + " " + addresses;
        var startUnix = Unix(start);
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, NewLineChars = "\n", OmitXmlDeclaration = true };
        using var stream = output.Create(path);
        var prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE nmaprun>\n<?xml-stylesheet href=\"file:///usr/bin/../share/nmap/nmap.xsl\" type=\"text/xsl\"?>\n"
            + "<!-- Nmap 7.91 scan initiated " + Asctime(start) + " as: " + args + " -->\n";
        stream.Write(Encoding.UTF8.GetBytes(prolog));
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartElement("nmaprun");
            xml.WriteAttributeString("scanner", "nmap");
            xml.WriteAttributeString("args", args);
            xml.WriteAttributeString("start", startUnix);
            xml.WriteAttributeString("startstr", Asctime(start));
            xml.WriteAttributeString("version", "7.91");
            xml.WriteAttributeString("xmloutputversion", "1.05");
            xml.WriteRaw("\n");
            xml.WriteStartElement("scaninfo");
            xml.WriteAttributeString("type", "syn");
            xml.WriteAttributeString("protocol", "tcp");
            xml.WriteAttributeString("numservices", "3");
            xml.WriteAttributeString("services", Ports);
            xml.WriteEndElement();
            xml.WriteRaw("\n<verbose level=\"0\"/>\n<debugging level=\"0\"/>\n");

            var t = start;
            var up = 0;
            foreach (var target in targets)
            {
                var exposure = ExposureOf(target);
                var hostStart = t;
                t = t.AddSeconds(exposure == Exposure.Down ? 3 : 14);
                xml.WriteStartElement("host");
                if (exposure != Exposure.Down)
                {
                    xml.WriteAttributeString("starttime", Unix(hostStart));
                    xml.WriteAttributeString("endtime", Unix(t));
                }

                xml.WriteStartElement("status");
                xml.WriteAttributeString("state", exposure == Exposure.Down ? "down" : "up");
                xml.WriteAttributeString("reason", exposure == Exposure.Down ? "no-response" : ipv6 ? "nd-response" : "reset");
                xml.WriteAttributeString("reason_ttl", exposure == Exposure.Down ? "0" : "113");
                xml.WriteEndElement();
                xml.WriteRaw("\n");
                xml.WriteStartElement("address");
                xml.WriteAttributeString("addr", target.Host.PublicIp!);
                xml.WriteAttributeString("addrtype", ipv6 ? "ipv6" : "ipv4");
                xml.WriteEndElement();
                xml.WriteRaw("\n");
                if (exposure == Exposure.Down)
                {
                    xml.WriteEndElement();
                    xml.WriteRaw("\n");
                    continue;
                }

                up++;
                xml.WriteStartElement("hostnames");
                xml.WriteStartElement("hostname");
                xml.WriteAttributeString("name", target.MailHost);
                xml.WriteAttributeString("type", "PTR");
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteRaw("\n");
                xml.WriteStartElement("ports");
                if (exposure == Exposure.Filtered)
                {
                    xml.WriteStartElement("extraports");
                    xml.WriteAttributeString("state", "filtered");
                    xml.WriteAttributeString("count", "3");
                    xml.WriteStartElement("extrareasons");
                    xml.WriteAttributeString("reason", "no-responses");
                    xml.WriteAttributeString("count", "3");
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }
                else
                {
                    Port(xml, 25, "open", "syn-ack", () => Service(xml, "smtp", "Microsoft Exchange smtpd", null, null));
                    if (target.Host.Name == "birch-ex01")
                        Port(xml, 80, "filtered", "no-response", () => Service(xml, "http", null, null, null, method: "table", conf: "3"));
                    else
                        Port(xml, 80, "open", "syn-ack", () => Service(xml, "http", "Microsoft IIS httpd", "10.0", null));
                    Port(xml, 443, "open", "syn-ack", () => Service(xml, "http", "Microsoft IIS httpd", "10.0", "ssl"));
                }

                xml.WriteEndElement();
                xml.WriteRaw("\n");
                xml.WriteStartElement("times");
                xml.WriteAttributeString("srtt", "21874");
                xml.WriteAttributeString("rttvar", "1203");
                xml.WriteAttributeString("to", "100000");
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteRaw("\n");
            }

            var elapsed = (t - start).TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
            xml.WriteStartElement("runstats");
            xml.WriteStartElement("finished");
            xml.WriteAttributeString("time", Unix(t));
            xml.WriteAttributeString("timestr", Asctime(t));
            xml.WriteAttributeString("summary", string.Create(CultureInfo.InvariantCulture,
                $"Nmap done at {Asctime(t)}; {targets.Count} IP address{(targets.Count == 1 ? "" : "es")} ({up} host{(up == 1 ? "" : "s")} up) scanned in {elapsed} seconds"));
            xml.WriteAttributeString("elapsed", elapsed);
            xml.WriteAttributeString("exit", "success");
            xml.WriteEndElement();
            xml.WriteStartElement("hosts");
            xml.WriteAttributeString("up", up.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("down", (targets.Count - up).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("total", targets.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteRaw("\n");
            xml.WriteEndElement();
        }

        stream.WriteByte((byte)'\n');
        stream.Flush();
        output.Record(path, DemoFileKind.NmapXml, targets.Count, stream.Length);
    }

    private static void Port(XmlWriter xml, int port, string state, string reason, Action service)
    {
        xml.WriteStartElement("port");
        xml.WriteAttributeString("protocol", "tcp");
        xml.WriteAttributeString("portid", port.ToString(CultureInfo.InvariantCulture));
        xml.WriteStartElement("state");
        xml.WriteAttributeString("state", state);
        xml.WriteAttributeString("reason", reason);
        xml.WriteAttributeString("reason_ttl", state == "open" ? "113" : "0");
        xml.WriteEndElement();
        service();
        xml.WriteEndElement();
    }

    private static void Service(XmlWriter xml, string name, string? product, string? version, string? tunnel, string method = "probed", string conf = "10")
    {
        xml.WriteStartElement("service");
        xml.WriteAttributeString("name", name);
        if (product is not null)
            xml.WriteAttributeString("product", product);
        if (version is not null)
            xml.WriteAttributeString("version", version);
        if (product is not null)
            xml.WriteAttributeString("ostype", "Windows");
        if (tunnel is not null)
            xml.WriteAttributeString("tunnel", tunnel);
        xml.WriteAttributeString("method", method);
        xml.WriteAttributeString("conf", conf);
        if (product is not null)
        {
            xml.WriteElementString("cpe", product.Contains("IIS", StringComparison.Ordinal) ? "cpe:/a:microsoft:internet_information_services:10.0" : "cpe:/a:microsoft:exchange_server");
            xml.WriteElementString("cpe", "cpe:/o:microsoft:windows");
        }

        xml.WriteEndElement();
    }

    private static string Unix(DateTime t) => ((long)(t - DateTime.UnixEpoch).TotalSeconds).ToString(CultureInfo.InvariantCulture);

    /// <summary>C asctime: "Sun Aug  8 09:30:00 2021" (day padded with a space).</summary>
    private static string Asctime(DateTime t) =>
        t.ToString("ddd MMM", CultureInfo.InvariantCulture) + " " + t.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2) + " " + t.ToString("HH:mm:ss yyyy", CultureInfo.InvariantCulture);
}
