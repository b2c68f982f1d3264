using Ooda.Detection.Webshells.Internal;

namespace Ooda.Detection.Tests.Webshells;

public sealed class PathPatternTests
{
    [Theory]
    [InlineData(@"FrontEnd\HttpProxy\owa\auth\logon.aspx", @"frontend\httpproxy\OWA\auth\Logon.aspx", true)]
    [InlineData(@"FrontEnd\HttpProxy\owa\auth\logon.aspx", @"FrontEnd\HttpProxy\owa\auth\logon.aspx.bak", false)]
    [InlineData(@"FrontEnd\HttpProxy\owa\auth\logon.aspx", @"FrontEnd\HttpProxy\owa\logon.aspx", false)]
    [InlineData(@"**\web.config", @"web.config", true)]
    [InlineData(@"**\web.config", @"FrontEnd\HttpProxy\ecp\web.config", true)]
    [InlineData(@"**\<build>\**\*.js", @"FrontEnd\HttpProxy\owa\auth\<build>\scripts\premium\flogon.js", true)]
    [InlineData(@"**\<build>\**\*.js", @"FrontEnd\HttpProxy\owa\auth\<build>\flogon.js", true)]
    [InlineData(@"**\<build>\**\*.js", @"FrontEnd\HttpProxy\owa\auth\scripts\flogon.js", false)]
    [InlineData(@"**\<build>\**\*.js", @"FrontEnd\HttpProxy\owa\auth\<build>\shell.aspx", false)]
    [InlineData(@"inetpub\wwwroot\iis*.htm", @"inetpub\wwwroot\iisstart.htm", true)]
    [InlineData(@"inetpub\wwwroot\*start*.h*m", @"inetpub\wwwroot\iisstart.htm", true)]
    [InlineData(@"inetpub\wwwroot\*.htm", @"inetpub\wwwroot\sub\iisstart.htm", false)]
    public void Matches_folders_case_insensitively_with_star_and_double_star(string pattern, string path, bool expected) =>
        Assert.Equal(expected, new PathPattern(pattern).Matches(path));

    [Fact]
    public void A_path_deeper_than_the_limit_never_matches()
    {
        var deep = string.Join('\\', Enumerable.Repeat("<build>", PathPattern.MaxDepth)) + @"\x.js";
        Assert.False(new PathPattern(@"**\<build>\**\*.js").Matches(deep));
        Assert.True(new PathPattern(@"**\<build>\**\*.js").Matches(string.Join('\\', Enumerable.Repeat("<build>", 10)) + @"\x.js"));
    }
}
