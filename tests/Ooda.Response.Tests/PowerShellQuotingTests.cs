namespace Ooda.Response.Tests;

public sealed class PowerShellQuotingTests
{
    [Theory]
    [MemberData(nameof(Hostile.Data), MemberType = typeof(Hostile))]
    public void Every_hostile_string_becomes_an_expression_that_evaluates_back_to_it_and_holds_no_code(string value)
    {
        var literal = PowerShellQuoting.Literal(value);
        Assert.Equal(value, PowerShellLexer.Evaluate(literal));
        var (skeleton, values) = PowerShellLexer.Split(literal);
        Assert.Equal("<L>", skeleton);
        Assert.Equal([value], values);
    }

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", "'it''s'")]
    [InlineData("it\u2019s", "([string]'it' + [char]0x2019 + 's')")]
    [InlineData("\u2018\u201A", "([string][char]0x2018 + [char]0x201A)")]
    [InlineData("x\u0111; calc; #", "([string]'x' + [char]0x0111 + '; calc; #')")]
    [InlineData("", "''")]
    [InlineData("a\nb", "([string]'a' + [char]0x000A + 'b')")]
    [InlineData("\u001b[0m", "([string][char]0x001B + '[0m')")]
    public void Writes_the_expected_literal(string value, string expected) => Assert.Equal(expected, PowerShellQuoting.Literal(value));

    [Theory]
    [MemberData(nameof(Hostile.Data), MemberType = typeof(Hostile))]
    public void No_control_character_or_broken_surrogate_is_ever_written_into_the_script(string value)
    {
        var literal = PowerShellQuoting.Literal(value);
        Assert.All(Enumerable.Range(0, literal.Length), i => Assert.False(PowerShellQuoting.NeedsEscape(literal, i)));
    }

    [Theory]
    [MemberData(nameof(Hostile.Data), MemberType = typeof(Hostile))]
    public void Every_literal_is_printable_ascii(string value) =>
        Assert.All(PowerShellQuoting.Literal(value).ToCharArray(), c => Assert.InRange(c, ' ', '~'));
}
