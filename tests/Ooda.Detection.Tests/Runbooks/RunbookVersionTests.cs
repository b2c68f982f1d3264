using Ooda.Detection.Runbooks;

namespace Ooda.Detection.Tests.Runbooks;

public sealed class RunbookVersionTests
{
    [Theory]
    [InlineData("1.0.0", true)]
    [InlineData("0.10.3", true)]
    [InlineData("1.0", false)]
    [InlineData("01.0.0", false)]
    [InlineData("1.0.0-rc1", false)]
    [InlineData("-1.0.0", false)]
    [InlineData("99999999999.0.0", false)]
    public void Parses_only_major_minor_patch(string text, bool valid) => Assert.Equal(valid, RunbookVersion.TryParse(text, out _));

    [Fact]
    public void Orders_numerically_not_as_text()
    {
        Assert.True(RunbookVersion.Parse("1.10.0") > RunbookVersion.Parse("1.9.0"));
        Assert.True(RunbookVersion.Parse("2.0.0") > RunbookVersion.Parse("1.99.99"));
        Assert.Equal("1.3.0", RunbookVersion.Parse("1.2.7").NextMinor().ToString());
    }
}
