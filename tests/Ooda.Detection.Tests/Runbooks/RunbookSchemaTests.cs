using System.Text.Json;
using Ooda.Detection.Runbooks;
using Ooda.Testing;

namespace Ooda.Detection.Tests.Runbooks;

/// <summary>The published JSON Schema and the loader must describe the same format.</summary>
public sealed class RunbookSchemaTests
{
    private static readonly JsonElement _schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "runbooks", "runbook.schema.json"))).RootElement;

    private static string[] Enum(params string[] path)
    {
        var node = _schema;
        foreach (var step in path)
            node = node.GetProperty(step);
        return node.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToArray();
    }

    [Fact]
    public void Lists_the_same_vocabularies_as_the_loader()
    {
        Assert.Equal(RunbookVocabulary.IocTypes, Enum("properties", "iocs", "items", "properties", "type"));
        Assert.Equal(RunbookVocabulary.Actions, Enum("properties", "remediation", "items", "properties", "action"));
        Assert.Equal(RunbookVocabulary.Targets, Enum("properties", "remediation", "items", "properties", "target"));
        Assert.Equal(RunbookVocabulary.Severities, Enum("$defs", "severity"));
        Assert.Equal(RunbookVocabulary.Statuses, Enum("properties", "status"));
        Assert.Equal(RunbookVocabulary.FileChecks, Enum("properties", "hunts", "items", "properties", "fileCheck"));
    }

    [Fact]
    public void Every_key_the_schema_allows_is_one_the_loader_reads()
    {
        var text = RunbookText.Minimal();
        foreach (var key in _schema.GetProperty("properties").EnumerateObject().Select(p => p.Name))
            Assert.DoesNotContain(RunbookLoader.LoadText(text + $"\n{key}: 1\n", "x.yml").Errors, e => e.Message == $"unknown key '{key}'");
    }
}
