using System.Globalization;
using System.Text.RegularExpressions;
using Ooda.Testing;

namespace Ooda.Knowledge.Tests;

/// <summary>
/// Checks the data file against the tables of <c>docs/research/exchange-facts.md</c> §2, read in place:
/// every CU base build and date, and every SU build per CU with its date and KB.
/// </summary>
public sealed partial class ExchangeFactsTests
{
    private const string FactsFile = "exchange-facts.md";
    private static readonly ExchangeKnowledgeBase _kb = ExchangeKnowledgeBase.Embedded;

    [SkippableFact]
    public void Every_cu_base_build_and_date_in_the_facts_is_in_the_data()
    {
        var rows = CuRows(File.ReadAllLines(Research.Require(FactsFile)));
        Assert.True(rows.Count >= 14, $"only {rows.Count} CU rows read from the facts table: has its layout changed?");
        foreach (var (version, cu, build, date) in rows)
        {
            var known = _kb.CumulativeUpdateOf(build);
            Assert.True(known is not null, $"{version} {cu} {build} from the facts is not in the data");
            Assert.Equal(cu, known.Name);
            Assert.Equal(build, known.Base.Build);
            Assert.Equal(date, known.Base.ReleaseDate);
        }
    }

    [SkippableFact]
    public void Every_security_update_build_in_the_facts_is_in_the_data_with_its_date_and_kb()
    {
        var rows = SuRows(File.ReadAllLines(Research.Require(FactsFile)));
        Assert.True(rows.Count >= 100, $"only {rows.Count} SU builds read from the facts table: has its layout changed?");
        foreach (var row in rows)
        {
            var release = _kb.ReleaseOf(row.Build);
            Assert.True(release is not null, $"{row.Su} {row.Cu} {row.Build} from the facts is not in the data");
            Assert.Equal((row.Cu, row.Su), (release.Cu, release.SecurityUpdate));
            if (row.Date is { } date)
                Assert.Equal(date, release.ReleaseDate);
            if (row.Kbs.Count > 0 && release.Kb is not null)
                Assert.Contains(release.Kb, row.Kbs);
        }
    }

    [SkippableFact]
    public void The_disputed_2016_march_2021_builds_of_the_facts_are_accepted_as_aliases()
    {
        var rows = SuRows(File.ReadAllLines(Research.Require(FactsFile)));
        var disputed = rows.Where(r => r.Disputed).ToList();
        Assert.Equal(2, disputed.Count);
        Assert.All(disputed, r => Assert.Contains(r.Build, _kb.ReleaseOf(r.Build)!.AlsoKnownAs));
    }

    private static List<(string Version, string Cu, ExchangeBuild Build, DateOnly Date)> CuRows(string[] lines)
    {
        var result = new List<(string, string, ExchangeBuild, DateOnly)>();
        foreach (var line in lines)
        {
            var cells = Cells(line);
            if (cells.Length != 4 || cells[0] is not ("2013" or "2016" or "2019") || !cells[1].StartsWith("CU", StringComparison.Ordinal))
                continue;
            var cus = cells[1].Split(" / ");
            var builds = cells[2].Split(" / ");
            var dates = IsoDate().Matches(cells[3]).Select(m => m.Value).ToList();
            var prefix = string.Join('.', builds[0].Split('.').Take(2));
            for (var i = 0; i < cus.Length; i++)
            {
                var build = i == 0 ? builds[0] : prefix + "." + builds[i];
                result.Add((cells[0], cus[i], ExchangeBuild.Parse(build), DateOnly.Parse(dates[i], CultureInfo.InvariantCulture)));
            }
        }

        return result;
    }

    private sealed record SuRow(string Su, string Cu, ExchangeBuild Build, DateOnly? Date, IReadOnlyList<string> Kbs, bool Disputed);

    private static List<SuRow> SuRows(string[] lines)
    {
        var result = new List<SuRow>();
        foreach (var line in lines)
        {
            var cells = Cells(line);
            if (cells.Length != 5 || !SuName().IsMatch(cells[0]))
                continue;
            var names = cells[0].Split(" / ").Select(n => n.StartsWith('v') ? cells[0].Split(" / ")[0] + n : n).ToList();
            var dates = IsoDate().Matches(cells[1]).Select(m => DateOnly.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
            var kbs = Kb().Matches(cells[1]).Select(m => m.Value).ToList();
            string[] versions = ["15.0", "15.1", "15.2"];
            for (var column = 0; column < 3; column++)
            {
                var cell = cells[2 + column];
                // "(+RTM 221.18, CSV only)" lists one more CU; other parentheses are remarks.
                cell = ExtraCu().Replace(cell, ", $1");
                foreach (var entry in cell.Split(", ", StringSplitOptions.TrimEntries))
                {
                    var disputed = entry.Contains('†', StringComparison.Ordinal);
                    var clean = Remark().Replace(entry, "").Trim();
                    if (clean is "–" or "-" or "")
                        continue;
                    var parts = clean.Split(' ', 2);
                    var builds = parts[1].Split(" / ");
                    for (var i = 0; i < builds.Length; i++)
                    {
                        var date = dates.Count == names.Count ? dates[i] : (DateOnly?)null;
                        result.Add(new SuRow(names[i], parts[0], ExchangeBuild.Parse(versions[column] + "." + builds[i].Trim()), date, kbs, disputed));
                    }
                }
            }
        }

        return result;
    }

    private static string[] Cells(string line) =>
        line.StartsWith('|') ? [.. line.Trim().Trim('|').Split('|').Select(c => c.Replace("**", "", StringComparison.Ordinal).Trim())] : [];

    [GeneratedRegex(@"^[A-Z][a-z]{2}\d{2}SU\b")]
    private static partial Regex SuName();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"KB\d{7}")]
    private static partial Regex Kb();

    [GeneratedRegex(@"\s*\(\+([^,]+),[^)]*\)")]
    private static partial Regex ExtraCu();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Remark();
}
