using Ooda.Sigma.Internal;
using Ooda.Testing;

namespace Ooda.Sigma.Tests;

/// <summary>SigmaHQ <c>regression_data</c> cases read in place from the shared corpus, with the rules they test.</summary>
internal static class RegressionData
{
    private static readonly Lazy<Dictionary<string, SigmaLoadResult>> _rulesById = new(LoadRules);

    /// <summary>Case folders relative to the corpus's sigma folder; one null row when the corpus is absent (the test then skips).</summary>
    public static IEnumerable<object?[]> Cases()
    {
        if (Corpus.Root is not { } root)
            return [[null]];
        var data = Path.Combine(root, "sigma", "regression_data");
        return Directory.EnumerateFiles(data, "info.yml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(root, "sigma"), Path.GetDirectoryName(f)!))
            .Order(StringComparer.Ordinal)
            .Select(c => new object?[] { c });
    }

    public sealed record Case(string Folder, string RuleId, int? MatchCount, SigmaLoadResult? Rule, bool HasEvtxTest);

    public static Case Read(string? folder)
    {
        var sigma = Corpus.Require("sigma");
        var info = (OrderedDictionary<string, object?>)YamlTree.LoadDocuments(File.ReadAllText(Path.Combine(sigma, folder!, "info.yml")))[0]!;
        var ruleId = ((YamlScalar)((OrderedDictionary<string, object?>)((List<object?>)info["rule_metadata"]!)[0]!)["id"]!).Text;
        int? count = null;
        var tests = info.GetValueOrDefault("regression_tests_info") as List<object?> ?? [];
        foreach (var test in tests.OfType<OrderedDictionary<string, object?>>())
        {
            if (test.GetValueOrDefault("match_count") is YamlScalar scalar)
                count = int.Parse(scalar.Text, System.Globalization.CultureInfo.InvariantCulture);
        }

        return new Case(Path.Combine(sigma, folder!), ruleId, count, _rulesById.Value.GetValueOrDefault(ruleId), tests.Count > 0);
    }

    private static Dictionary<string, SigmaLoadResult> LoadRules()
    {
        var sigma = Corpus.Require("sigma");
        var byId = new Dictionary<string, SigmaLoadResult>(StringComparer.OrdinalIgnoreCase);
        foreach (var folder in Directory.GetDirectories(sigma, "rules*").Append(Path.Combine(sigma, "deprecated")))
        {
            foreach (var result in SigmaRuleLoader.LoadPath(folder))
            {
                if (result.Rule?.Id is { } id)
                    byId.TryAdd(id, result);
            }
        }

        return byId;
    }
}
