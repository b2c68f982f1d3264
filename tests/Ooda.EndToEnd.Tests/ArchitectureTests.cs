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
    public void Every_reference_points_inward_and_features_never_reference_each_other(string project)
    {
        var layer = Layer(project);
        foreach (var reference in References(project))
        {
            var target = Layer(reference);
            Assert.True(target < layer, $"{project} (layer {layer}) must not reference {reference} (layer {target}): references point inward only");
            Assert.False(layer == FeatureLayer && target == FeatureLayer, $"feature {project} must not reference feature {reference}");
        }
    }

    [Fact]
    public void The_rule_would_catch_an_outward_reference() =>
        Assert.True(Layer("Ooda.Engine") > Layer("Ooda.Formats.Text") && Layer("Ooda.Cli") > Layer("Ooda.Engine") && Layer("Ooda.Store") > Layer("Ooda.Core"));

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
