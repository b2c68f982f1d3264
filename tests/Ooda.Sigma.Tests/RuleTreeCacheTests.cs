using System.Text;
using Ooda.Sigma.Internal;
using Ooda.Testing;

namespace Ooda.Sigma.Tests;

/// <summary>
/// The parsed-rule cache behind <see cref="SigmaRuleLoader.LoadPath(string, string?)"/>: loads give the same rules and
/// verdicts with a cold cache, a warm one, and none; a changed file is parsed again; a damaged cache is never trusted.
/// </summary>
public class RuleTreeCacheTests
{
    [SkippableFact]
    public void Every_SigmaHQ_windows_rule_loads_the_same_with_a_cold_a_warm_and_no_cache()
    {
        var rules = Path.Combine(Corpus.Require("sigma/rules"), "windows");
        using var cache = new TempDirectory();
        var without = Describe(SigmaRuleSet.Load(rules), SigmaRuleLoader.LoadPath(rules));
        var cold = Describe(SigmaRuleSet.Load(rules, new SigmaCompileOptions { RuleCacheDirectory = cache.Path }), SigmaRuleLoader.LoadPath(rules, cache.Path));
        Assert.Single(Directory.GetFiles(cache.Path));
        var warm = Describe(SigmaRuleSet.Load(rules, new SigmaCompileOptions { RuleCacheDirectory = cache.Path }), SigmaRuleLoader.LoadPath(rules, cache.Path));
        Assert.Equal(without, cold);
        Assert.Equal(without, warm);
    }

    [Fact]
    public void A_warm_load_is_served_from_the_cache_and_leaves_it_as_it_was()
    {
        using var folder = new TempDirectory();
        using var cache = new TempDirectory();
        var file = folder.File("rules/a.yml");
        File.WriteAllText(file, Rules.ProcessCreation("sel:\n  Image|endswith: '\\a.exe'\ncondition: sel"));
        Assert.Equal("Test rule", SigmaRuleLoader.LoadPath(folder.Path, cache.Path).Single().Rule!.Title);
        var stored = Assert.Single(Directory.GetFiles(cache.Path));
        Assert.NotNull(RuleTreeCache.Open(cache.Path, folder.Path).TryGet(RuleTreeCache.Key(File.ReadAllBytes(file))));

        // A hit parses nothing and so writes nothing: a miss would add the file again and rewrite the cache.
        var written = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(stored, written);
        Assert.Equal("Test rule", SigmaRuleLoader.LoadPath(folder.Path, cache.Path).Single().Rule!.Title);
        Assert.Equal(written, File.GetLastWriteTimeUtc(stored));
    }

    [Fact]
    public void A_changed_rule_file_is_parsed_again()
    {
        using var folder = new TempDirectory();
        using var cache = new TempDirectory();
        var file = folder.File("rules/a.yml");
        File.WriteAllText(file, Rules.ProcessCreation("sel:\n  Image|endswith: '\\a.exe'\ncondition: sel"));
        Assert.Equal("Test rule", SigmaRuleLoader.LoadPath(folder.Path, cache.Path).Single().Rule!.Title);
        File.WriteAllText(file, Rules.ProcessCreation("sel:\n  Image|endswith: '\\a.exe'\ncondition: sel").Replace("title: Test rule", "title: Renamed", StringComparison.Ordinal));
        Assert.Equal("Renamed", SigmaRuleLoader.LoadPath(folder.Path, cache.Path).Single().Rule!.Title);
        Assert.Equal("Renamed", SigmaRuleLoader.LoadPath(folder.Path, cache.Path).Single().Rule!.Title);
    }

    [Fact]
    public void A_file_that_does_not_parse_keeps_its_error_on_every_load()
    {
        using var folder = new TempDirectory();
        using var cache = new TempDirectory();
        File.WriteAllText(folder.File("bad.yml"), "title: [unclosed");
        for (var load = 0; load < 2; load++)
            Assert.Equal("yaml", SigmaRuleLoader.LoadPath(folder.Path, cache.Path).Single().Error!.Reason);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("empty")]
    [InlineData("garbage")]
    public void A_damaged_cache_file_is_ignored_and_rewritten(string damage)
    {
        using var folder = new TempDirectory();
        using var cache = new TempDirectory();
        for (var i = 0; i < 5; i++)
            File.WriteAllText(folder.File($"r{i}.yml"), Rules.ProcessCreation($"sel:\n  Image|endswith: '\\{i}.exe'\n  CommandLine|contains|all: [a, b]\ncondition: sel"));
        var expected = Describe(SigmaRuleSet.Load(folder.Path), SigmaRuleLoader.LoadPath(folder.Path));
        Assert.Equal(expected, Describe(SigmaRuleSet.Load(folder.Path), SigmaRuleLoader.LoadPath(folder.Path, cache.Path)));
        var file = Assert.Single(Directory.GetFiles(cache.Path));
        var good = File.ReadAllBytes(file);
        var bad = damage switch
        {
            "flip" => Flip(good, good.Length / 2),
            "truncate" => good[..(good.Length / 2)],
            "empty" => [],
            _ => Encoding.UTF8.GetBytes(new string('x', good.Length)),
        };
        File.WriteAllBytes(file, bad);
        var options = new SigmaCompileOptions { RuleCacheDirectory = cache.Path };
        Assert.Equal(expected, Describe(SigmaRuleSet.Load(folder.Path, options), SigmaRuleLoader.LoadPath(folder.Path, cache.Path)));
        Assert.Equal(good, File.ReadAllBytes(file));
    }

    [Fact]
    public void An_unwritable_cache_folder_only_costs_the_cache()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.File("a.yml"), Rules.ProcessCreation("sel:\n  Image|endswith: '\\a.exe'\ncondition: sel"));
        var blocker = folder.File("not-a-folder");
        File.WriteAllText(blocker, "a file where the cache folder would be");
        Assert.Equal("Test rule", SigmaRuleLoader.LoadPath(folder.Path, Path.Combine(blocker, "cache")).Single(r => r.Rule is not null).Rule!.Title);
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] ^= 0x5A;
        return copy;
    }

    /// <summary>Every verdict and every loaded document's full tree, as text to compare.</summary>
    private static string Describe(SigmaRuleSet set, IEnumerable<SigmaLoadResult> loaded)
    {
        var text = new StringBuilder();
        foreach (var verdict in set.Verdicts)
            text.Append(verdict.Location).Append('|').Append(verdict.RuleId).Append('|').Append(verdict.Title).Append('|').Append(verdict.Status).Append('|').Append(verdict.Error).Append('|').AppendJoin(";", verdict.Notes).Append('\n');
        foreach (var result in loaded)
        {
            text.Append(result.Location).Append(' ').Append(result.Error).Append(' ');
            Tree(text, result.Rule?.Body);
            text.Append('\n');
        }

        return text.ToString();
    }

    private static void Tree(StringBuilder text, object? node)
    {
        switch (node)
        {
            case null:
                text.Append('~');
                break;
            case YamlScalar scalar:
                text.Append(scalar.Plain ? "p'" : "q'").Append(scalar.Text).Append('\'');
                break;
            case OrderedDictionary<string, object?> map:
                text.Append('{');
                foreach (var (key, value) in map)
                {
                    text.Append(key).Append(':');
                    Tree(text, value);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case List<object?> list:
                text.Append('[');
                foreach (var item in list)
                {
                    Tree(text, item);
                    text.Append(',');
                }

                text.Append(']');
                break;
            default:
                throw new InvalidOperationException(node.GetType().Name);
        }
    }
}
