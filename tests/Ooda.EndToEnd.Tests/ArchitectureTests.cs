using System.Xml.Linq;
using Ooda.Testing;

namespace Ooda.EndToEnd.Tests;

/// <summary>References point inward only: hosts → Engine → features → Store → Core (DESIGN.md §3).</summary>
public sealed class ArchitectureTests
{
    private const int CoreLayer = 0;
    private const int StoreLayer = 1;
    private const int FeatureLayer = 2;
    private const int EngineLayer = 3;
    private const int HostLayer = 4;

    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var csproj in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Find(), "src"), "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(csproj));
        return data;
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_reference_points_inward_and_features_never_reference_each_other(string project) =>
        Assert.Empty(Violations(project, References(project)));

    [Theory]
    [InlineData("Ooda.Core", "Ooda.Store")]
    [InlineData("Ooda.Store", "Ooda.Formats.Text")]
    [InlineData("Ooda.Formats.Text", "Ooda.Engine")]
    [InlineData("Ooda.Sigma", "Ooda.Formats.Evtx")]
    [InlineData("Ooda.Engine", "Ooda.Cli")]
    [InlineData("Ooda.Web", "Ooda.Cli")]
    [InlineData("Ooda.Response", "Ooda.Reports")]
    public void The_rule_rejects_outward_and_sideways_references(string project, string reference) =>
        Assert.Single(Violations(project, [reference]));

    [Fact]
    public void The_rule_accepts_inward_references() =>
        Assert.Empty(Violations("Ooda.Cli", ["Ooda.Web", "Ooda.Engine", "Ooda.Store", "Ooda.Core"]));

    private static List<string> Violations(string project, IEnumerable<string> references)
    {
        var layer = Layer(project);
        var violations = new List<string>();
        foreach (var reference in references)
        {
            var target = Layer(reference);
            // The CLI starts the web console (`ooda serve`); that is the one host-to-host reference.
            if (project == "Ooda.Cli" && reference == "Ooda.Web")
                continue;
            if (target >= layer && !(layer == FeatureLayer && target == FeatureLayer))
                violations.Add($"{project} (layer {layer}) must not reference {reference} (layer {target}): references point inward only");
            if (layer == FeatureLayer && target == FeatureLayer)
                violations.Add($"feature {project} must not reference feature {reference}");
        }

        return violations;
    }

    private static int Layer(string project) => project switch
    {
        "Ooda.Core" => CoreLayer,
        "Ooda.Store" => StoreLayer,
        "Ooda.Engine" => EngineLayer,
        "Ooda.Cli" or "Ooda.Web" => HostLayer,
        _ when project.StartsWith("Ooda.", StringComparison.Ordinal) => FeatureLayer,
        _ => throw new InvalidOperationException($"unknown project {project}"),
    };

    private static IEnumerable<string> References(string project)
    {
        var path = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Find(), "src"), project + ".csproj", SearchOption.AllDirectories).Single();
        return XDocument.Load(path).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')));
    }
}
