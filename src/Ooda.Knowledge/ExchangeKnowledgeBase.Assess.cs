namespace Ooda.Knowledge;

public sealed partial class ExchangeKnowledgeBase
{
    /// <summary>Parses <paramref name="text"/> (any form <see cref="ExchangeBuild.TryParse"/> reads) and assesses it.</summary>
    public ExchangeAssessment Assess(string text)
    {
        if (!ExchangeBuild.TryParse(text, out var build))
            return Unknown(text, null, null, "not an Exchange build number");
        return Assess(build, text);
    }

    /// <summary>
    /// Decides, for every CVE, whether the build is still exposed, with HealthChecker's rule
    /// (<c>Test-ExchangeBuildGreaterOrEqualThanSecurityPatch</c>, facts §1): fixed when the build is at or above the
    /// product's highest first-fixed build, or at or above its own CU's first-fixed build; otherwise exposed.
    /// </summary>
    public ExchangeAssessment Assess(ExchangeBuild build, string? input = null)
    {
        input ??= build.ToString();
        var product = ProductOf(build);
        if (product is null)
            return Unknown(input, build, null, "not an Exchange 2013, 2016, 2019 or SE build");
        var cu = CumulativeUpdateOf(build);
        if (cu is null)
            return Unknown(input, build, product.Name, $"build line {build.CuLine} is not a known CU of {product.Name}");

        var release = ReleaseOf(build);
        var notes = new List<string>();
        var exposures = new List<CveExposure>();
        foreach (var cve in Cves)
        {
            if (Exposure(cve, product, cu, build) is { } exposure)
                exposures.Add(exposure);
        }

        AssessmentStatus status;
        if (exposures.Any(e => e.Certain))
        {
            status = AssessmentStatus.Vulnerable;
        }
        else if (!build.HasRevision && exposures.Count > 0)
        {
            status = AssessmentStatus.Unknown;
            notes.Add("only the CU is known (no revision): its SU level decides the CVEs listed");
        }
        else if (build.HasRevision && release is null)
        {
            status = AssessmentStatus.Unknown;
            notes.Add($"{build} is not a build we know on {product.Name} {cu.Name}");
        }
        else
        {
            status = AssessmentStatus.Patched;
        }

        if (!build.HasRevision)
            notes.Add("SU level unknown: the revision was not given");
        if (release?.Note is { } releaseNote)
            notes.Add(releaseNote);

        var latestFixesAll = Cves.All(c => Exposure(c, product, cu, cu.Latest.Build) is null);
        return new ExchangeAssessment(
            input,
            build,
            product.Name,
            cu.Name,
            release?.SecurityUpdate,
            release?.ReleaseDate ?? (build.HasRevision ? null : cu.Base.ReleaseDate),
            status,
            exposures,
            cu.Latest.Build,
            latestFixesAll ? cu.Latest.Build : product.NewestCu.Latest.Build,
            exposures.Count == 0 ? null : exposures.All(e => e.FixedIn is not null),
            notes);
    }

    /// <summary>The first fixed build of <paramref name="cve"/> on the CU line of <paramref name="build"/>, or null when that CU got none.</summary>
    public ExchangeBuild? FirstFixedBuild(ExchangeCve cve, ExchangeBuild build) =>
        cve.FirstFixedBuilds.Where(b => b.SameCuLine(build)).Cast<ExchangeBuild?>().FirstOrDefault();

    private CveExposure? Exposure(ExchangeCve cve, ExchangeProductLine product, ExchangeCumulativeUpdate cu, ExchangeBuild build)
    {
        if (!cve.Products.Contains(product.Name, StringComparer.Ordinal))
            return null;
        var fixes = cve.FirstFixedBuilds.Where(b => ProductOf(b) == product).ToList();
        if (fixes.Count == 0)
            return null;
        var highest = fixes.Max();
        // A CU released after the fix contains it, whatever its SU level.
        if (cu.Base.Build >= highest)
            return null;
        var own = FirstFixedBuild(cve, build);
        if (own is null)
            return new CveExposure(cve, null, Certain: true);
        if (!build.HasRevision)
            return new CveExposure(cve, own, Certain: false);
        return build >= own.Value ? null : new CveExposure(cve, own, Certain: true);
    }

    private static ExchangeAssessment Unknown(string input, ExchangeBuild? build, string? product, string why) =>
        new(input, build, product, null, null, null, AssessmentStatus.Unknown, [], null, null, null, [why]);
}
