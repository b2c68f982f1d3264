namespace Ooda.Sigma.Tests;

public class ConditionGrammarTests
{
    // Three selections over fields A, B, C each equal to "1"; the event sets the fields named in `present`.
    private const string Selections = "sel_a:\n  A: '1'\nsel_b:\n  B: '1'\nfilter_c:\n  C: '1'\n_hidden:\n  D: '1'\n";

    private static bool Fires(string condition, string present)
    {
        var fields = present.Select(c => (c.ToString(), "1")).ToArray();
        return Rules.Fires(Selections + "condition: " + condition, fields);
    }

    [Theory]
    [InlineData("sel_a", "A", true)]
    [InlineData("sel_a and sel_b", "A", false)]
    [InlineData("sel_a and sel_b", "AB", true)]
    [InlineData("sel_a or sel_b", "B", true)]
    [InlineData("not sel_a", "B", true)]
    [InlineData("not sel_a", "A", false)]
    [InlineData("sel_a and not filter_c", "AC", false)]
    // precedence: or < and < not
    [InlineData("sel_a or sel_b and filter_c", "A", true)]
    [InlineData("(sel_a or sel_b) and filter_c", "A", false)]
    [InlineData("not sel_a and sel_b", "B", true)]
    [InlineData("not sel_a and sel_b", "AB", false)]
    [InlineData("not (sel_a and sel_b)", "A", true)]
    [InlineData("not not sel_a", "A", true)]
    [InlineData("sel_a AND sel_b", "AB", true)]
    // x of
    [InlineData("1 of sel_*", "B", true)]
    [InlineData("all of sel_*", "B", false)]
    [InlineData("all of sel_*", "AB", true)]
    [InlineData("1 of them", "C", true)]
    [InlineData("all of them", "ABC", true)]
    [InlineData("1 of them", "D", false)]
    [InlineData("1 of _hid*", "D", true)]
    [InlineData("all of sel_* and not 1 of filter_*", "ABC", false)]
    [InlineData("all of sel_* and not 1 of filter_*", "AB", true)]
    [InlineData("not 1 of sel_*", "C", true)]
    [InlineData("1 of sel_? ", "A", true)]
    [InlineData("any of sel_*", "A", true)]
    public void Conditions_follow_precedence_and_quantifiers(string condition, string present, bool expected) =>
        Assert.Equal(expected, Fires(condition, present));

    [Fact]
    public void A_condition_list_is_ored()
    {
        Assert.True(Rules.Fires(Selections + "condition:\n  - sel_a and sel_b\n  - filter_c", ("C", "1")));
        Assert.False(Rules.Fires(Selections + "condition:\n  - sel_a and sel_b\n  - filter_c", ("A", "1")));
    }

    [Theory]
    [InlineData("sel_a and", "condition-syntax")]
    [InlineData("(sel_a", "condition-syntax")]
    [InlineData("sel_a)", "condition-syntax")]
    [InlineData("sel_a sel_b", "condition-syntax")]
    [InlineData("nosuch", "unknown-identifier")]
    [InlineData("SEL_A", "unknown-identifier")]
    [InlineData("1 of nothing_*", "unknown-identifier")]
    [InlineData("2 of sel_*", "condition-syntax")]
    [InlineData("sel_a | count() by B > 3", "aggregation")]
    [InlineData("sel_a near sel_b", "aggregation")]
    [InlineData("''", "condition-syntax")]
    public void Bad_conditions_are_rejected_with_their_reason(string condition, string reason)
    {
        var verdict = Rules.Verdict(Selections + "condition: " + condition);
        Assert.Equal(SigmaVerdictStatus.Rejected, verdict.Status);
        Assert.Equal(reason, verdict.Error!.Reason);
    }

    [Fact]
    public void A_list_of_maps_is_an_or_of_ands()
    {
        const string detection = "sel:\n  - A: '1'\n    B: '1'\n  - C: '1'\ncondition: sel";
        Assert.True(Rules.Fires(detection, ("A", "1"), ("B", "1")));
        Assert.True(Rules.Fires(detection, ("C", "1")));
        Assert.False(Rules.Fires(detection, ("A", "1")));
    }

    [Fact]
    public void Keywords_search_every_field()
    {
        const string detection = "keywords:\n  - 'mimikatz'\n  - 'sekurlsa'\ncondition: keywords";
        Assert.True(Rules.Fires(detection, ("CommandLine", "x Invoke-Mimikatz y")));
        Assert.True(Rules.Fires(detection, ("Other", "SEKURLSA::logonpasswords")));
        Assert.False(Rules.Fires(detection, ("CommandLine", "notepad")));
    }

    [Fact]
    public void Keywords_with_all_need_every_value()
    {
        const string detection = "keywords:\n  '|all':\n    - 'alpha'\n    - 'beta'\ncondition: keywords";
        Assert.True(Rules.Fires(detection, ("X", "alpha"), ("Y", "beta")));
        Assert.False(Rules.Fires(detection, ("X", "alpha")));
    }

    [Fact]
    public void Identifiers_starting_with_underscore_are_not_part_of_them() =>
        Assert.True(Fires("all of them", "ABC"));
}
