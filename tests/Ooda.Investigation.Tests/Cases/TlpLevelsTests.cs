using Ooda.Investigation.Cases;

namespace Ooda.Investigation.Tests.Cases;

public sealed class TlpLevelsTests
{
    [Theory]
    [InlineData("amber", "amber")]
    [InlineData("TLP:AMBER+STRICT", "amber+strict")]
    [InlineData(" Red ", "red")]
    [InlineData("white", "clear")]
    [InlineData("tlp:clear", "clear")]
    public void Reads_tlp_markings(string text, string expected) => Assert.Equal(expected, TlpLevels.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("amber-strict")]
    [InlineData("TLP:")]
    [InlineData("orange")]
    public void Refuses_anything_else(string text) => Assert.Null(TlpLevels.Parse(text));
}
