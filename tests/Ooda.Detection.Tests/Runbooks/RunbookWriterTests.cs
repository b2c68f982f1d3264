using Ooda.Detection.Runbooks;

namespace Ooda.Detection.Tests.Runbooks;

public sealed class RunbookWriterTests
{
    [Fact]
    public void Every_built_in_runbook_reads_back_equal_after_writing()
    {
        foreach (var loaded in RunbookLibrary.BuiltIn())
        {
            var original = loaded.Runbook!;
            var yaml = RunbookWriter.ToYaml(original);
            var again = RunbookLoader.LoadText(yaml, "again.yml");
            Assert.True(again.Runbook is not null, string.Join("; ", again.Errors));
            Assert.Empty(RunbookDiff.Compare(original, again.Runbook));
            Assert.Equal(yaml, RunbookWriter.ToYaml(again.Runbook));
        }
    }

    [Theory]
    [InlineData("true")]
    [InlineData("1.5")]
    [InlineData("- dash")]
    [InlineData("a: b")]
    [InlineData("#comment")]
    [InlineData("multi\nline")]
    [InlineData(" padded ")]
    [InlineData("quote\"and'apostrophe")]
    public void Quotes_values_yaml_would_read_as_something_else(string value)
    {
        var runbook = RunbookLoader.LoadText(RunbookText.Minimal(), "demo.yml").Runbook! with
        {
            Iocs = [new RunbookIoc("keyword", value, value)],
        };
        var again = RunbookLoader.LoadText(RunbookWriter.ToYaml(runbook), "again.yml").Runbook!;
        Assert.Equal(value, Assert.Single(again.Iocs).Value);
        Assert.Equal(value, again.Iocs[0].Comment);
    }
}
