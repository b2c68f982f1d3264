using System.Text;
using System.Text.Json;

namespace Ooda.Knowledge.Tests;

public sealed class ExchangeAssessmentJsonTests
{
    [Theory]
    [InlineData("15.2.858.5", "assess-2019-cu9.json")]
    [InlineData("15.1.2308.14", "assess-2016-cu21-jul21su.json")]
    [InlineData("15.2.1258.16", "assess-2019-cu13-jun23su.json")]
    [InlineData("/owa/auth/15.2.1118/", "assess-2019-cu12-cu-only.json")]
    [InlineData("15.2.999.1", "assess-unknown.json")]
    public void Writes_the_contract_of_the_issue(string build, string golden)
    {
        var actual = Render(ExchangeKnowledgeBase.Embedded.Assess(build));
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", golden);
        if (Environment.GetEnvironmentVariable("OODA_UPDATE_GOLDEN") is { Length: > 0 } source)
            File.WriteAllText(Path.Combine(source, "tests", "Ooda.Knowledge.Tests", "Golden", golden), actual);
        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string Render(ExchangeAssessment assessment)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            ExchangeAssessmentJson.Write(writer, assessment);
        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }
}
