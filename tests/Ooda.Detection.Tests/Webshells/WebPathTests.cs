using Ooda.Detection.Webshells;
using Ooda.Detection.Webshells.Internal;

namespace Ooda.Detection.Tests.Webshells;

public sealed class WebPathTests
{
    [Theory]
    [InlineData(@"C:\inetpub\wwwroot\aspnet_client\system_web\x.aspx", @"inetpub\wwwroot\aspnet_client\system_web\x.aspx", @"inetpub\wwwroot\aspnet_client\system_web")]
    [InlineData(@"D:\Exchange\V15\FrontEnd\HttpProxy\owa\auth\15.2.858\scripts\flogon.js", @"FrontEnd\HttpProxy\owa\auth\<build>\scripts\flogon.js", @"FrontEnd\HttpProxy\owa\auth\<build>\scripts")]
    [InlineData("C:/Program Files/Microsoft/Exchange Server/V15/ClientAccess/Owa/prem/15.1.2375.7/x.js", @"ClientAccess\Owa\prem\<build>\x.js", @"ClientAccess\Owa\prem\<build>")]
    [InlineData(@"C:\inetpub\wwwroot\\\double\x.aspx", @"inetpub\wwwroot\double\x.aspx", @"inetpub\wwwroot\double")]
    [InlineData(@"E:\sites\aspnet_client\x.aspx", @"aspnet_client\x.aspx", "aspnet_client")]
    public void Is_the_path_from_the_leftmost_web_root_with_build_folders_generalised(string original, string relative, string folder)
    {
        var web = WebPath.Parse(original, WebshellDefaults.WebRoots)!;
        Assert.Equal((relative, folder), (web.Relative, web.Folder));
    }

    [Theory]
    [InlineData(@"C:\Users\x\shell.aspx")]
    [InlineData(@"C:\inetpub\wwwroot")]
    [InlineData(@"C:\inetpub\wwwroot\")]
    [InlineData("")]
    public void Is_null_outside_the_web_roots(string original) =>
        Assert.Null(WebPath.Parse(original, WebshellDefaults.WebRoots));

    [Fact]
    public void Keeps_the_name_and_extension()
    {
        var web = WebPath.Parse(@"C:\inetpub\wwwroot\a.b\Shell.Aspx", WebshellDefaults.WebRoots)!;
        Assert.Equal(("Shell.Aspx", ".Aspx"), (web.Name, web.Extension));
        Assert.Equal("", WebPath.Parse(@"C:\inetpub\wwwroot\.htaccess", WebshellDefaults.WebRoots)!.Extension);
    }
}
