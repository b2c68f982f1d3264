using Ooda.Core;
using Ooda.Testing;

namespace Ooda.Store.Tests;

public sealed class WorkspaceFindingsTests
{
    private static Finding Make(string id, string severity, string host = "ex01", DateTime? at = null) => new()
    {
        Id = id,
        Title = "title " + id,
        Severity = severity,
        Detector = "sigma",
        RunbookId = "proxyshell",
        RunbookVersion = "1.0.0",
        HuntId = "hunt",
        Techniques = ["T1190", "T1505.003"],
        Tenant = "acme",
        Host = host,
        Timestamp = at ?? new DateTime(2021, 8, 7, 3, 0, 0, DateTimeKind.Utc),
        Channel = "IIS",
        RecordId = 7,
        Provenance = new Provenance("u_ex.log", new string('a', 64), -1, 12),
        OriginalPath = @"C:\inetpub\wwwroot\x.aspx",
        Details = [new("c-ip", "203.0.113.9"), new("c-ip", "repeated name kept"), new("q", "\"quoted\"\n")],
    };

    [Fact]
    public void Stores_a_finding_once_and_reads_every_field_back()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        var finding = Make("f1", "critical");
        Assert.Equal(new FindingSaveResult(1, 0), workspace.SaveFindings([finding]));
        Assert.Equal(new FindingSaveResult(0, 1), workspace.SaveFindings([finding]));
        var read = Assert.Single(workspace.QueryFindings());
        Assert.Equal(finding with { Techniques = read.Techniques, Details = read.Details }, read);
        Assert.Equal(finding.Techniques, read.Techniques);
        Assert.Equal(finding.Details, read.Details);
    }

    [Fact]
    public void Filters_by_minimum_severity_and_host_most_severe_first()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        workspace.SaveFindings([Make("low1", "low"), Make("crit1", "critical", at: new DateTime(2021, 8, 8, 0, 0, 0, DateTimeKind.Utc)), Make("high01", "high"), Make("other", "critical", "ex02")]);
        Assert.Equal(["other", "crit1", "high01"], workspace.QueryFindings(new FindingQuery { MinSeverity = "HIGH" }).Select(f => f.Id));
        Assert.Equal(["crit1", "high01", "low1"], workspace.QueryFindings(new FindingQuery { Host = "EX01" }).Select(f => f.Id));
        Assert.Equal(4, workspace.QueryFindings(new FindingQuery { MinSeverity = "informational" }).Count);
        Assert.Equal("high01", workspace.FindFinding("high01")?.Id);
        Assert.Null(workspace.FindFinding("high0"));
    }
}
