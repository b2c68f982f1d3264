using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Ooda.Detection.Iocs.Internal;

namespace Ooda.Detection.Tests.Iocs;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData(@"C:\inetpub\*\*.aspx", @"c:\INETPUB\wwwroot\x.aspx", true)]
    [InlineData(@"C:\inetpub\*\*.aspx", @"c:\inetpub\x.aspx", false)]
    [InlineData(@"C:\inetpub\**\*.aspx", @"c:\inetpub\a\b\c\x.aspx", true)]
    [InlineData(@"C:\inetpub\**.aspx", @"c:\inetpub\x.aspx", true)]
    [InlineData(@"C:/inetpub/?.aspx", @"C:\inetpub\x.aspx", true)]
    [InlineData(@"C:\inetpub\?.aspx", @"C:\inetpub\xy.aspx", false)]
    [InlineData(@"C:\a?b", @"C:\a\b", false)]
    [InlineData("*.aspx", @"C:\inetpub\x.aspx", true)]
    [InlineData("*.aspx", @"C:\inetpub.aspx\x.txt", false)]
    [InlineData("errorEE.aspx", @"D:\Exchange\FrontEnd\errorEE.aspx", true)]
    [InlineData("", "", true)]
    [InlineData("*", "", true)]
    public void Matches_whole_paths_folder_by_folder(string glob, string path, bool matches) =>
        Assert.Equal(matches, GlobPattern.Parse(glob).IsMatch(path));

    [Fact]
    public void Agrees_with_a_regex_translation_on_random_paths()
    {
        var globs = Gen.String[Gen.Char[@"ab\/*?."], 0, 8];
        var paths = Gen.String[Gen.Char[@"abAB\/."], 0, 12];
        Gen.Select(globs, paths).Sample((glob, path) =>
        {
            var pattern = GlobPattern.Parse(glob);
            var subject = pattern.FileNameOnly ? path[(path.LastIndexOfAny(['\\', '/']) + 1)..] : path;
            Assert.Equal(Reference(glob).IsMatch(subject), pattern.IsMatch(path));
        }, iter: 5000, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Its_literal_is_the_longest_run_without_wildcards()
    {
        Assert.Equal(@"\aspnet_client\", GlobPattern.Parse(@"C:\*\aspnet_client\*.aspx").RequiredLiteral);
        Assert.Null(GlobPattern.Parse("*?*").RequiredLiteral);
    }

    private static Regex Reference(string glob)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            switch (glob[i])
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    while (i + 1 < glob.Length && glob[i + 1] == '*')
                        i++;
                    regex.Append(".*");
                    break;
                case '*':
                    regex.Append(@"[^\\/]*");
                    break;
                case '?':
                    regex.Append(@"[^\\/]");
                    break;
                case '\\' or '/':
                    regex.Append(@"[\\/]");
                    break;
                default:
                    regex.Append(Regex.Escape(glob[i].ToString()));
                    break;
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }
}
