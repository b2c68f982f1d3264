using System.Text;

namespace Ooda.Demo.Internal;

/// <summary>Writes <c>inventory.csv</c>: the CMDB export the triage starts from.</summary>
internal static class InventoryWriter
{
    public const string Header = "tenant,host,fqdn,ip,public_ip,os,roles,exchange_build,response_mode";

    public static void Write(OutputTracker output, IReadOnlyList<HostProfile> hosts)
    {
        const string Path = "inventory.csv";
        var text = new StringBuilder(Header).Append('\n');
        foreach (var h in hosts.Select(p => p.Host))
        {
            text.Append(h.Tenant).Append(',').Append(h.Name).Append(',').Append(h.Fqdn).Append(',').Append(h.Ip).Append(',')
                .Append(h.PublicIp).Append(',').Append(h.Os).Append(',').Append(string.Join(';', h.Roles)).Append(',')
                .Append(h.ExchangeBuild).Append(',').Append(h.ResponseMode).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        using (var stream = output.Create(Path))
            stream.Write(bytes);
        output.Record(Path, DemoFileKind.Inventory, hosts.Count, bytes.Length);
    }
}
