using Ooda.Core;
using Ooda.Engine.Internal;
using Ooda.Testing;

namespace Ooda.Engine.Tests;

public sealed class CollectionLayoutTests
{
    [Theory]
    [InlineData("fs/C/inetpub/wwwroot/aspnet_client/shell.aspx", "C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx")]
    [InlineData("kape/fs/d/Data/x.txt", "D:\\Data\\x.txt")]
    [InlineData("uploads/auto/C%3A/Program Files/Microsoft/Exchange Server/V15/FrontEnd/HttpProxy/owa/auth/a%20b.aspx", "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd\\HttpProxy\\owa\\auth\\a b.aspx")]
    [InlineData("uploads/ntfs/%5C%5C.%5CC%3A/Windows/System32/config/SAM", "C:\\Windows\\System32\\config\\SAM")]
    public void Reconstructs_the_original_windows_path_of_captured_files(string relative, string expected) =>
        Assert.Equal(expected, CollectionLayout.OriginalWindowsPath(relative.Split('/')));

    [Theory]
    [InlineData("logs/u_ex210806.log")]
    [InlineData("fs/notadrive/x.txt")]
    [InlineData("uploads/auto/notadrive/x.txt")]
    [InlineData("fs/C")]
    public void Other_paths_are_not_captured_files(string relative) =>
        Assert.Null(CollectionLayout.OriginalWindowsPath(relative.Split('/')));

    [Fact]
    public void Takes_tenant_and_host_from_the_first_two_folder_levels_and_reports_stray_files()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("acme/EXCH01/logs/a.log"), "x");
        File.WriteAllText(dir.File("acme/DC01/b.jsonl"), "x");
        File.WriteAllText(dir.File("acme/stray.txt"), "x");
        var diagnostics = new List<Diagnostic>();

        var entries = CollectionLayout.Enumerate(dir.Path, null, null, diagnostics.Add).ToList();

        Assert.Equal([("acme", "DC01"), ("acme", "EXCH01")], entries.Select(e => (e.Tenant, e.Host)));
        Assert.Contains("not inside a <tenant>/<host>/ folder", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_tenant_and_host_take_every_file_of_the_folder()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("a.log"), "x");
        File.WriteAllText(dir.File("sub/fs/C/x.aspx"), "x");
        var entries = CollectionLayout.Enumerate(dir.Path, "t", "h", _ => Assert.Fail("no diagnostics expected")).ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(("t", "h"), (e.Tenant, e.Host)));
        Assert.Equal("C:\\x.aspx", entries.Single(e => e.OriginalPath is not null).OriginalPath);
    }

    [Fact]
    public void Names_a_missing_path()
    {
        var diagnostics = new List<Diagnostic>();
        Assert.Empty(CollectionLayout.Enumerate("/nonexistent/ooda", null, null, diagnostics.Add));
        Assert.Equal("no such file or folder", Assert.Single(diagnostics).Message);
    }
}
