using System.Diagnostics;
using System.Text;
using Ooda.Knowledge.Attack;
using Ooda.Knowledge.Attack.Internal;
using Ooda.Testing;

namespace Ooda.Knowledge.Tests.Attack;

public sealed class AttackLoaderTests
{
    // A minimal table in the generator's shape: two tactics, one v19 tactic, a sub-technique, a revoked technique, crosswalk rows.
    private const string Minimal = """
        {"schema": 1, "attack": {"release": "test release", "copyright": "(c) test"},
         "tactics": [
           {"id": "TA0001", "shortName": "initial-access", "name": "Initial Access", "matrixOrder": 0},
           {"id": "TA0005", "shortName": "defense-evasion", "name": "Defense Evasion", "matrixOrder": 1}],
         "v19Tactics": [{"shortName": "stealth", "name": "Stealth", "replaces": "defense-evasion", "ruleFiles": 2}],
         "techniques": [
           {"id": "T1190", "name": "Exploit Public-Facing Application", "tactics": ["initial-access"]},
           {"id": "T1562", "name": "Impair Defenses", "tactics": ["defense-evasion"]},
           {"id": "T1562.001", "name": "Disable or Modify Tools", "parent": "T1562", "tactics": ["defense-evasion"]},
           {"id": "T1600", "name": "Old", "tactics": ["defense-evasion"], "revoked": true, "revokedBy": "T1562"}],
         "v19Crosswalk": [
           {"kind": "tactic", "old": "defense-evasion", "oldName": "Defense Evasion", "new": ["stealth"], "ruleFiles": 2},
           {"kind": "technique", "old": "T1562.001", "oldName": "Disable or Modify Tools", "new": ["T1685"], "ruleFiles": 3}]}
        """;

    public static TheoryData<string, string, string> BrokenTables() => new()
    {
        { "\"schema\": 1", "\"schema\": 2", "schema 2 is not 1" },
        { "\"schema\": 1", "\"schema\": \"one\"", "malformed table" },
        { "\"tactics\": [\"initial-access\"]}", "\"tactics\": [\"impact\"]}", "techniques[0] (T1190): unknown tactic 'impact'" },
        { "\"tactics\": [\"initial-access\"]}", "\"tactics\": [\"stealth\"]}", "techniques[0] (T1190): unknown tactic 'stealth'" },
        { "\"tactics\": [\"initial-access\"]}", "\"tactics\": []}", "techniques[0] (T1190): no tactics" },
        { "\"id\": \"T1190\"", "\"id\": \"T119\"", "techniques[0]: 'T119' is not a technique id" },
        { "\"parent\": \"T1562\"", "\"parent\": \"T1190\"", "techniques[2] (T1562.001): parent 'T1190' does not match the id" },
        { "\"revokedBy\": \"T1562\"", "\"revokedBy\": \"T1999\"", "T1600: revoked by T1999, which is not in the table" },
        { "\"revokedBy\": \"T1562\"", "\"revokedBy\": \"T1600\"", "T1600: revoked-by chain loops at T1600" },
        { "\"revoked\": true, ", string.Empty, "techniques[3] (T1600): revoked=False but revokedBy='T1562'" },
        { "\"matrixOrder\": 1", "\"matrixOrder\": 2", "tactics[1] (TA0005): matrixOrder 2, expected 1" },
        { "\"replaces\": \"defense-evasion\"", "\"replaces\": \"evasion\"", "v19Tactics[0] (stealth): replaces unknown tactic 'evasion'" },
        { "\"old\": \"T1562.001\"", "\"old\": \"T1562.002\"", "v19Crosswalk[1]: old technique T1562.002 is not in the table" },
        { "\"new\": [\"T1685\"]", "\"new\": [\"T1562\"]", "v19Crosswalk[1] (T1562.001): new must be one technique id absent from v18.1" },
        { "\"new\": [\"stealth\"]", "\"new\": [\"hiding\"]", "v19Crosswalk[0] (defense-evasion): new tactic 'hiding' is neither" },
        { "\"ruleFiles\": 3", "\"ruleFiles\": 0", "v19Crosswalk[1] (T1562.001): ruleFiles 0" },
        { "\"name\": \"Old\"", "\"name\": \"\"", "techniques[3]: 'name' is empty" },
        { "{\"id\": \"T1190\"", "{\"id\": \"T1562.001\", \"name\": \"x\", \"parent\": \"T1562\", \"tactics\": [\"initial-access\"]}, {\"id\": \"T1190\"", "techniques[0] (T1562.001): parent T1562 is not listed before it" },
        { "\"ruleFiles\": 3}]}", "\"ruleFiles\": 3}]", "not valid JSON (line 13" },
    };

    [Fact]
    public void Loads_a_table_in_the_generator_shape()
    {
        var catalogue = Load(Minimal);
        Assert.Equal("test release", catalogue.Release);
        Assert.Equal("Initial Access · T1190 · Exploit Public-Facing Application", catalogue.Describe("t1190"));
        Assert.Equal("T1562", Assert.Single(catalogue.Resolve("T1600").Techniques).Id);
        Assert.Equal("T1562.001", Assert.Single(catalogue.Resolve("attack.t1685").Techniques).Id);
        Assert.True(catalogue.Resolve("attack.stealth").IsV19);
        Assert.Equal("T1600", catalogue.HighestTechniqueId);
    }

    [Theory]
    [MemberData(nameof(BrokenTables))]
    public void Rejects_an_inconsistent_table_naming_the_entry(string find, string replace, string message)
    {
        Assert.Contains(find, Minimal, StringComparison.Ordinal);
        var e = Assert.Throws<InvalidDataException>(() => Load(Minimal.Replace(find, replace, StringComparison.Ordinal)));
        Assert.StartsWith("attack.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_embedded_table_loads() =>
        Assert.True(AttackLoader.LoadEmbedded().Techniques.Count > 800);

    [SkippableFact]
    public async Task The_embedded_table_equals_a_fresh_run_of_the_generator_on_the_corpus()
    {
        var corpus = Corpus.Require("mitre-attack");
        var python = FindOnPath("python3");
        if (python is null)
        {
            if (Corpus.IsCi)
                throw new InvalidOperationException("CI=true but python3 is not on PATH; the generator check must run in CI.");
            throw new SkipException("python3 is not on PATH, so tools/attack/generate-attack-table.py cannot be rerun here.");
        }

        using var temp = new TempDirectory();
        var output = temp.File("attack.json");
        var start = new ProcessStartInfo(python) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { Path.Combine(RepositoryRoot.Find(), "tools", "attack", "generate-attack-table.py"), "--corpus", corpus, "--output", output })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        // A guard against a hung interpreter, not a timing assertion.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var stderr = process.StandardError.ReadToEndAsync(guard.Token);
        await process.WaitForExitAsync(guard.Token);
        Assert.True(process.ExitCode == 0, $"generator exited {process.ExitCode}: {await stderr}");

        using var embedded = typeof(AttackCatalogue).Assembly.GetManifestResourceStream(AttackLoader.ResourceName)!;
        using var copy = new MemoryStream();
        await embedded.CopyToAsync(copy);
        var expected = await File.ReadAllTextAsync(output, Encoding.UTF8);
        Assert.Equal(expected, Encoding.UTF8.GetString(copy.ToArray()));
    }

    private static AttackCatalogue Load(string json) => AttackLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
