using Ooda.Detection.Runbooks;

namespace Ooda.Detection.Tests.Runbooks;

public sealed class RunbookLearnerTests
{
    private static readonly Runbook _base = RunbookLoader.LoadText(RunbookText.Minimal(), "demo.yml").Runbook!;

    [Fact]
    public void Adds_only_what_is_new_with_provenance_and_a_changelog_entry()
    {
        var lesson = new RunbookLesson("case 42",
            [new RunbookIoc("ip", "203.0.113.7"), new RunbookIoc("sha256", "AB" + new string('0', 62))],
            [new RunbookTtp("T1190"), new RunbookTtp("T1003.001", "lsass dump")],
            ["web-exploit"],
            [new RunbookHunt("sigma-12345678", "Outside rule", RunbookHuntKind.SigmaReference, "12345678-0000-0000-0000-000000000000", [], "high")]);
        var next = RunbookLearner.Learn(_base, lesson, new DateOnly(2026, 11, 29))!;
        Assert.Equal("1.1.0", next.Version.ToString());
        var added = Assert.Single(next.Iocs, i => i.Type == "sha256");
        Assert.Equal("case 42", added.Source);
        Assert.Equal(2, next.Iocs.Count);
        Assert.Equal(["T1190", "T1003.001"], next.Ttps.Select(t => t.Technique));
        Assert.Equal(3, next.Hunts.Count);
        var entry = next.Changelog[^1];
        Assert.Equal("case 42", entry.Source);
        Assert.Contains(entry.Changes, c => c.Contains("confirmed in the field: web-exploit", StringComparison.Ordinal));
        var diff = RunbookDiff.Compare(_base, next);
        Assert.Contains(diff, d => d is { Section: "iocs", Change: '+' });
        Assert.Contains(diff, d => d is { Section: "hunts", Change: '+', Item: "sigma-12345678" });
        Assert.DoesNotContain(diff, d => d.Change == '-');
    }

    [Fact]
    public void Learns_nothing_from_what_the_runbook_already_has()
    {
        var lesson = new RunbookLesson("case 43", [new RunbookIoc("ip", "203.0.113.7")], [new RunbookTtp("T1190")], ["posts"], []);
        Assert.Null(RunbookLearner.Learn(_base, lesson, new DateOnly(2026, 11, 29)));
    }

    [Fact]
    public void The_learned_version_loads_and_keeps_every_earlier_changelog_entry()
    {
        var lesson = new RunbookLesson("case 44", [new RunbookIoc("domain", "evil.example")], [], [], []);
        var next = RunbookLearner.Learn(_base, lesson, new DateOnly(2026, 11, 29))!;
        var loaded = RunbookLoader.LoadText(RunbookWriter.ToYaml(next), "demo-threat@1.1.0.yml");
        Assert.True(loaded.Runbook is not null, string.Join("; ", loaded.Errors));
        Assert.Equal(["1.0.0", "1.1.0"], loaded.Runbook.Changelog.Select(c => c.Version.ToString()));
    }
}
