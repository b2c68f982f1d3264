using CsCheck;

namespace Ooda.Knowledge.Tests;

public sealed class ExchangeBuildTests
{
    [Theory]
    [InlineData("15.2.858.5", 15, 2, 858, 5)]
    [InlineData("15.02.0858.005", 15, 2, 858, 5)]
    [InlineData("  15.2.986.36 ", 15, 2, 986, 36)]
    [InlineData("15.00.1497.002", 15, 0, 1497, 2)]
    [InlineData("15,1,2308,14", 15, 1, 2308, 14)]
    [InlineData("15.2.858", 15, 2, 858, null)]
    [InlineData("Version 15.2 (Build 858.5)", 15, 2, 858, null)]
    [InlineData("Version 15.1 (Build 2308.8)", 15, 1, 2308, null)]
    [InlineData("/owa/auth/15.2.858/themes/resources/favicon.ico", 15, 2, 858, null)]
    [InlineData("<link rel=\"shortcut icon\" href=\"/owa/auth/15.1.2308/themes/resources/favicon.ico\">", 15, 1, 2308, null)]
    [InlineData("/owa/auth/15.0.1497.2/scripts/premium/flogon.js", 15, 0, 1497, 2)]
    public void Reads_every_form_the_build_is_found_in(string text, int major, int minor, int build, int? revision)
    {
        Assert.True(ExchangeBuild.TryParse(text, out var parsed));
        Assert.Equal(new ExchangeBuild(major, minor, build, revision), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("banana")]
    [InlineData("15")]
    [InlineData("15.2")]
    [InlineData("15.2.858.5.1")]
    [InlineData("15.2.x.5")]
    [InlineData("15.2.858.5 and more")]
    [InlineData("15.2,858.5")]
    [InlineData("-15.2.858.5")]
    public void Rejects_text_that_is_not_a_build(string text) => Assert.False(ExchangeBuild.TryParse(text, out _));

    [Fact]
    public void Rejects_null() => Assert.False(ExchangeBuild.TryParse(null, out _));

    [Theory]
    [InlineData("15.2.986.36", "15.2.986.5")]
    [InlineData("15.2.1118.7", "15.2.986.42")]
    [InlineData("15.02.0858.010", "15.2.858.5")]
    [InlineData("15.2.858.5", "15.2.858")]
    public void Compares_each_component_as_a_number(string higher, string lower)
    {
        Assert.True(ExchangeBuild.Parse(higher) > ExchangeBuild.Parse(lower));
        Assert.True(ExchangeBuild.Parse(lower) < ExchangeBuild.Parse(higher));
    }

    [Fact]
    public void Writes_the_short_form() =>
        Assert.Equal("15.2.858.5", ExchangeBuild.Parse("15.02.0858.005").ToString());

    [Fact]
    public void Parse_names_the_text_it_could_not_read() =>
        Assert.Contains("'nope'", Assert.Throws<FormatException>(() => ExchangeBuild.Parse("nope")).Message, StringComparison.Ordinal);

    [Fact]
    public void Round_trips_any_build_through_both_spellings() =>
        Gen.Select(Gen.Int[0, 99], Gen.Int[0, 99], Gen.Int[0, 9999], Gen.Int[0, 999]).Sample((a, b, c, d) =>
        {
            var build = new ExchangeBuild(a, b, c, d);
            var padded = $"{a:00}.{b:00}.{c:0000}.{d:000}";
            return ExchangeBuild.Parse(build.ToString()) == build && ExchangeBuild.Parse(padded) == build;
        }, seed: "0N0XIzNsQ0O2");

    [Fact]
    public void Never_throws_on_arbitrary_text() =>
        Gen.String.Sample(s =>
        {
            _ = ExchangeBuild.TryParse(s, out _);
        }, seed: "0N0XIzNsQ0O2");
}
