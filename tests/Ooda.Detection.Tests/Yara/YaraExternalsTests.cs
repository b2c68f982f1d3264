using Ooda.Core;
using Ooda.Detection.Yara;

namespace Ooda.Detection.Tests.Yara;

public sealed class YaraExternalsTests
{
    [Theory]
    [InlineData(@"C:\inetpub\wwwroot\aspnet_client\Shell.ASPX", "Shell.ASPX", @"C:\inetpub\wwwroot\aspnet_client", ".aspx")]
    [InlineData("/var/log/auth.log", "auth.log", "/var/log", ".log")]
    [InlineData("README", "README", "", "")]
    [InlineData(@"C:\Users\x\.bashrc", ".bashrc", @"C:\Users\x", "")]
    [InlineData(@"C:\a.b\noext", "noext", @"C:\a.b", "")]
    [InlineData(@"C:\archive.tar.gz", "archive.tar.gz", "C:", ".gz")]
    public void Derives_name_folder_and_extension_from_a_path(string path, string filename, string filepath, string extension)
    {
        var externals = YaraExternals.ForFile(path, "MZ\x90\x00"u8, "SYSTEM");
        Assert.Equal(new YaraExternals(filename, filepath, extension, "EXE", "SYSTEM"), externals);
    }

    [Fact]
    public void Lists_the_five_loki_externals_in_the_order_of_their_values()
    {
        var externals = new YaraExternals("n", "p", ".e", "T", "o");
        Assert.Equal(["filename", "filepath", "extension", "filetype", "owner"], YaraExternals.Names);
        Assert.Equal(["n", "p", ".e", "T", "o"], externals.Values);
        Assert.All(YaraExternals.None.Values, v => Assert.Equal("", v));
    }

    [Fact]
    public void A_captured_file_gives_its_original_path_and_first_bytes()
    {
        var file = new CapturedFile("contoso", "ex01", @"C:\inetpub\wwwroot\aspnet_client\x.aspx", "contoso/ex01/fs/C/inetpub/wwwroot/aspnet_client/x.aspx",
            4096, DateTime.UnixEpoch, DateTime.UnixEpoch, "00", "!BDN\0\0\0\0SM"u8.ToArray());
        Assert.Equal(new YaraExternals("x.aspx", @"C:\inetpub\wwwroot\aspnet_client", ".aspx", "PST"), YaraExternals.ForFile(file));
    }
}
