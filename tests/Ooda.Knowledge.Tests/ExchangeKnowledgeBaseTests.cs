namespace Ooda.Knowledge.Tests;

public sealed class ExchangeKnowledgeBaseTests
{
    private static readonly ExchangeKnowledgeBase _kb = ExchangeKnowledgeBase.Embedded;

    public static TheoryData<string> CuBaseBuilds() =>
        [.. _kb.Products.SelectMany(p => p.CumulativeUpdates).Select(cu => cu.Base.Build.ToString())];

    public static TheoryData<string> UpdateBuilds() =>
        [.. _kb.Releases.Where(r => r.SecurityUpdate is not null).Select(r => r.Build.ToString())];

    public static TheoryData<string, string> FirstFixedBuilds()
    {
        var data = new TheoryData<string, string>();
        foreach (var cve in _kb.Cves)
        {
            foreach (var fixedBuild in cve.FirstFixedBuilds)
                data.Add(cve.Id, fixedBuild.ToString());
        }

        return data;
    }

    [Fact]
    public void Names_its_sources() =>
        Assert.Contains(_kb.Sources, s => s.Contains("Get-ExchangeBuildNumber", StringComparison.Ordinal));

    [Fact]
    public void Knows_the_fourteen_cves_of_the_issue() =>
        Assert.Equal(
            ["CVE-2021-26855", "CVE-2021-26857", "CVE-2021-26858", "CVE-2021-27065", "CVE-2021-31195", "CVE-2021-31196", "CVE-2021-31207",
             "CVE-2021-33766", "CVE-2021-34473", "CVE-2021-34523", "CVE-2021-42321", "CVE-2022-41040", "CVE-2022-41080", "CVE-2022-41082"],
            _kb.Cves.Select(c => c.Id).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(CuBaseBuilds))]
    public void Knows_every_cu_at_its_base_build(string build)
    {
        var a = _kb.Assess(build);
        var cu = _kb.CumulativeUpdateOf(ExchangeBuild.Parse(build))!;
        Assert.Equal(cu.Name, a.Cu);
        Assert.Null(a.SecurityUpdate);
        Assert.Equal(cu.Base.ReleaseDate, a.ReleaseDate);
        Assert.NotEqual(AssessmentStatus.Unknown, a.Status);
        Assert.Equal(cu.Latest.Build, a.LatestBuildForCu);
        Assert.Equal(a.VulnerableTo.Count > 0, a.Status == AssessmentStatus.Vulnerable);
    }

    [Theory]
    [MemberData(nameof(UpdateBuilds))]
    public void Knows_every_security_update(string build)
    {
        var a = _kb.Assess(build);
        var release = _kb.ReleaseOf(ExchangeBuild.Parse(build))!;
        Assert.Equal(release.SecurityUpdate, a.SecurityUpdate);
        Assert.Equal(release.ReleaseDate, a.ReleaseDate);
        Assert.NotEqual(AssessmentStatus.Unknown, a.Status);
    }

    [Theory]
    [MemberData(nameof(FirstFixedBuilds))]
    public void Each_first_fixed_build_is_fixed_and_the_build_below_it_is_not(string cveId, string fixedBuild)
    {
        var fix = ExchangeBuild.Parse(fixedBuild);
        Assert.DoesNotContain(_kb.Assess(fix).VulnerableTo, e => e.Cve.Id == cveId);
        Assert.DoesNotContain(_kb.Assess(fix with { Revision = fix.Revision + 1 }).VulnerableTo, e => e.Cve.Id == cveId);

        var below = fix with { Revision = fix.Revision - 1 };
        var exposure = Assert.Single(_kb.Assess(below).VulnerableTo, e => e.Cve.Id == cveId);
        Assert.Equal(fix, exposure.FixedIn);
        Assert.True(exposure.Certain);

        var cuBase = _kb.CumulativeUpdateOf(fix)!.Base.Build;
        Assert.Contains(_kb.Assess(cuBase).VulnerableTo, e => e.Cve.Id == cveId);
    }

    [Theory]
    // Exchange 2019 CU9: ProxyLogon fixed in the base build (facts §3); ProxyShell needs Apr/May21SU.
    [InlineData("15.2.858.5", "CVE-2021-26855", null)]
    [InlineData("15.2.858.5", "CVE-2021-34473", "15.2.858.10")]
    [InlineData("15.2.858.5", "CVE-2021-31207", "15.2.858.12")]
    [InlineData("15.2.858.10", "CVE-2021-31207", "15.2.858.12")]
    [InlineData("15.2.858.12", "CVE-2021-31196", "15.2.858.15")]
    [InlineData("15.2.858.15", "CVE-2021-42321", "none")]
    [InlineData("15.2.858.15", "CVE-2022-41082", "none")]
    // CU10 and CU21 predate Jul21SU: still vulnerable to 31196 at the base build.
    [InlineData("15.2.922.7", "CVE-2021-31196", "15.2.922.13")]
    [InlineData("15.2.922.7", "CVE-2021-34473", null)]
    [InlineData("15.1.2308.8", "CVE-2021-31196", "15.1.2308.14")]
    [InlineData("15.1.2308.14", "CVE-2021-42321", "15.1.2308.20")]
    // 42321: the MSRC record's 15.02.0792.019 for 2019 CU10 is a typo for 922.19 (facts §8.3).
    [InlineData("15.2.922.14", "CVE-2021-42321", "15.2.922.19")]
    [InlineData("15.2.922.19", "CVE-2021-42321", null)]
    [InlineData("15.2.792.19", "CVE-2021-42321", "none")]
    // Exchange 2013 is not affected by 42321.
    [InlineData("15.0.1497.24", "CVE-2021-42321", null)]
    // ProxyNotShell: Oct22SU is still vulnerable; only Nov22SU fixes.
    [InlineData("15.2.986.30", "CVE-2022-41040", "15.2.986.36")]
    [InlineData("15.2.1118.15", "CVE-2022-41080", "15.2.1118.20")]
    [InlineData("15.1.2507.13", "CVE-2022-41082", "15.1.2507.16")]
    [InlineData("15.0.1497.42", "CVE-2022-41082", "15.0.1497.44")]
    [InlineData("15.2.1258.12", "CVE-2022-41082", null)]
    // The March 2021 SUs for old CUs fix ProxyLogon only (facts §1).
    [InlineData("15.1.2106.13", "CVE-2021-26855", null)]
    [InlineData("15.1.2106.13", "CVE-2021-34473", "none")]
    [InlineData("15.2.721.13", "CVE-2021-34523", "none")]
    [InlineData("15.0.1395.12", "CVE-2021-26857", null)]
    [InlineData("15.0.1395.4", "CVE-2021-26857", "15.0.1395.12")]
    // A CU that never got a fix is vulnerable.
    [InlineData("15.1.1261.35", "CVE-2021-26855", "none")]
    [InlineData("15.2.659.4", "CVE-2021-26855", "15.2.659.12")]
    // ProxyToken follows the MSRC record: fixed in Apr21SU (facts §8.2).
    [InlineData("15.2.858.10", "CVE-2021-33766", null)]
    [InlineData("15.2.858.5", "CVE-2021-33766", "15.2.858.10")]
    [InlineData("15.1.2308.8", "CVE-2021-33766", null)]
    public void Decides_each_cve_per_cu(string build, string cveId, string? expectedFixedIn)
    {
        var exposure = _kb.Assess(build).VulnerableTo.SingleOrDefault(e => e.Cve.Id == cveId);
        if (expectedFixedIn is null)
        {
            Assert.Null(exposure);
            return;
        }

        Assert.NotNull(exposure);
        Assert.Equal(expectedFixedIn == "none" ? null : ExchangeBuild.Parse(expectedFixedIn), exposure.FixedIn);
    }

    [Theory]
    [InlineData("15.1.1415.8")]
    [InlineData("15.1.1415.10")]
    [InlineData("15.1.1466.13")]
    [InlineData("15.1.1466.16")]
    public void Accepts_both_builds_sources_give_for_the_old_2016_march_2021_updates(string build)
    {
        var a = _kb.Assess(build);
        Assert.Equal("Mar21SU", a.SecurityUpdate);
        Assert.DoesNotContain(a.VulnerableTo, e => e.Cve.Group == "ProxyLogon");
        Assert.Contains(a.VulnerableTo, e => e.Cve.Group == "ProxyShell" && e.FixedIn is null);
        Assert.Contains(a.Notes, n => n.Contains("DISAGREEMENT", StringComparison.Ordinal));
    }

    [Fact]
    public void Explains_the_demo_victim_build()
    {
        var a = _kb.Assess("15.2.858.5");
        Assert.Equal(("Exchange Server 2019", "CU9", AssessmentStatus.Vulnerable), (a.Product, a.Cu, a.Status));
        Assert.Equal(new DateOnly(2021, 3, 16), a.ReleaseDate);
        Assert.Equal(ExchangeBuild.Parse("15.2.858.15"), a.LatestBuildForCu);
        Assert.False(a.FixAvailableForCu);
        Assert.Equal(_kb.Products.Single(p => p.Name == "Exchange Server 2019").NewestCu.Latest.Build, a.RecommendedBuild);
    }

    [Fact]
    public void Recommends_the_latest_build_of_the_cu_when_it_fixes_everything()
    {
        var a = _kb.Assess("15.2.1118.15");
        Assert.Equal(AssessmentStatus.Vulnerable, a.Status);
        Assert.True(a.FixAvailableForCu);
        Assert.Equal(a.LatestBuildForCu, a.RecommendedBuild);
    }

    [Theory]
    [InlineData("15.2.1258.16", AssessmentStatus.Patched)]
    [InlineData("15.1.2507.16", AssessmentStatus.Patched)]
    [InlineData("15.0.1497.48", AssessmentStatus.Patched)]
    [InlineData("15.2.1544.4", AssessmentStatus.Patched)]
    [InlineData("15.2.986.36", AssessmentStatus.Patched)]
    [InlineData("15.1.2308.14", AssessmentStatus.Vulnerable)]
    public void Gives_status_for_known_builds(string build, AssessmentStatus status) => Assert.Equal(status, _kb.Assess(build).Status);

    [Theory]
    [InlineData("15.2.999.1")]
    [InlineData("15.1.9999.1")]
    [InlineData("14.3.513.0")]
    [InlineData("8.3.517.0")]
    [InlineData("16.0.1.1")]
    [InlineData("banana")]
    [InlineData("")]
    public void Calls_a_build_it_does_not_know_unknown_never_safe(string build)
    {
        var a = _kb.Assess(build);
        Assert.Equal(AssessmentStatus.Unknown, a.Status);
        Assert.Empty(a.VulnerableTo);
        Assert.NotEmpty(a.Notes);
    }

    [Fact]
    public void Calls_an_unknown_revision_on_a_patched_cu_unknown()
    {
        var a = _kb.Assess("15.2.1258.99");
        Assert.Equal(("CU13", AssessmentStatus.Unknown), (a.Cu, a.Status));
        Assert.Null(a.SecurityUpdate);
    }

    [Fact]
    public void Calls_an_unknown_revision_below_a_fix_vulnerable() =>
        Assert.Equal(AssessmentStatus.Vulnerable, _kb.Assess("15.2.858.11").Status);

    [Fact]
    public void A_three_part_build_gives_the_cu_with_the_su_level_unknown()
    {
        var a = _kb.Assess("/owa/auth/15.2.1118/themes/resources/favicon.ico");
        Assert.Equal(("CU12", null, AssessmentStatus.Unknown), (a.Cu, a.SecurityUpdate, a.Status));
        Assert.Equal(new DateOnly(2022, 4, 20), a.ReleaseDate);
        Assert.All(a.VulnerableTo, e => Assert.False(e.Certain));
        Assert.Contains(a.VulnerableTo, e => e.Cve.Id == "CVE-2022-41082" && e.FixedIn == ExchangeBuild.Parse("15.2.1118.20"));
    }

    [Fact]
    public void A_three_part_build_on_a_cu_that_never_got_a_fix_is_vulnerable()
    {
        var a = _kb.Assess("15.2.858");
        Assert.Equal(AssessmentStatus.Vulnerable, a.Status);
        Assert.Contains(a.VulnerableTo, e => e.Cve.Id == "CVE-2021-42321" && e.Certain);
        Assert.Contains(a.VulnerableTo, e => e.Cve.Id == "CVE-2021-34473" && !e.Certain);
    }

    [Fact]
    public void A_three_part_build_of_a_cu_released_after_every_fix_is_patched() =>
        Assert.Equal(AssessmentStatus.Patched, _kb.Assess("15.2.1258").Status);

    [Fact]
    public void AdminDisplayVersion_is_read_as_cu_level_only()
    {
        var a = _kb.Assess("Version 15.2 (Build 1118.7)");
        Assert.Null(a.Build!.Value.Revision);
        Assert.Equal(AssessmentStatus.Unknown, a.Status);
    }

    [Fact]
    public void Tells_exchange_se_from_2019_by_build_number()
    {
        Assert.Equal("Exchange Server SE", _kb.Assess("15.2.2562.17").Product);
        Assert.Equal("Exchange Server 2019", _kb.Assess("15.2.1748.10").Product);
        Assert.Equal(AssessmentStatus.Patched, _kb.Assess("15.2.2562.17").Status);
    }
}
