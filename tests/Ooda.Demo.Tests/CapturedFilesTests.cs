using Ooda.Demo.Internal;

namespace Ooda.Demo.Tests;

[Collection(FleetCollection.Name)]
public sealed class CapturedFilesTests(GeneratedFleet generated)
{
    [Theory]
    [InlineData("kape", @"C:\inetpub\wwwroot\aspnet_client\x.aspx", "fs/C/inetpub/wwwroot/aspnet_client/x.aspx")]
    [InlineData("velociraptor", @"C:\Program Files\Microsoft\x.js", "uploads/auto/C%3A/Program Files/Microsoft/x.js")]
    public void Maps_a_windows_path_to_the_collector_layout(string layout, string windowsPath, string expected)
    {
        Assert.Equal(expected, CapturedFiles.CapturedPath(layout, windowsPath));
    }

    [Fact]
    public void The_webshell_is_captured_at_its_original_path_as_a_pst_with_an_inert_page_inside()
    {
        var i = generated.Fleet.Intrusion;
        var relative = i.WebshellPath[3..].Replace('\\', Path.DirectorySeparatorChar);
        var path = Path.Combine(generated.HostFolder(i.Tenant, i.Host), "fs", "C", relative);

        var bytes = File.ReadAllBytes(path);
        Assert.Equal("!BDN"u8.ToArray(), bytes[..4]);
        Assert.Equal("SM"u8.ToArray(), bytes[8..10]);
        var text = System.Text.Encoding.ASCII.GetString(bytes);
        Assert.Contains("<script language=\"JScript\" runat=\"server\">", text, StringComparison.Ordinal);
        Assert.Contains("eval(Request[", text, StringComparison.Ordinal);
        Assert.Equal(i.MailboxExport.AddSeconds(30), File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void One_exchange_server_uses_the_velociraptor_layout()
    {
        var folder = Path.Combine(generated.HostFolder("birch-health", "birch-ex01"), "uploads", "auto", "C%3A", "inetpub", "wwwroot");

        Assert.True(File.Exists(Path.Combine(folder, "iisstart.htm")));
    }

    [Fact]
    public void Only_the_victim_holds_aspx_files_under_aspnet_client()
    {
        var hits = Directory.EnumerateFiles(Path.Combine(generated.Root, "collection"), "*.aspx", SearchOption.AllDirectories)
            .Where(p => p.Contains("aspnet_client", StringComparison.Ordinal))
            .ToList();

        Assert.Contains(Path.Combine("acme-logistics", "acme-ex01"), Assert.Single(hits), StringComparison.Ordinal);
    }
}
