namespace Ooda.Store.Tests;

public sealed class FieldFilterTests
{
    [Theory]
    [InlineData("Image=*\\cmd.exe", "C:\\Windows\\System32\\CMD.EXE", true)]
    [InlineData("Image=*\\cmd.exe", "C:\\Windows\\System32\\cmd.exe.bak", false)]
    [InlineData("c-ip=203.0.113.*", "203.0.113.7", true)]
    [InlineData("x=a*b*c", "aXbYc", true)]
    [InlineData("x=a*b*c", "aXbY", false)]
    [InlineData("x=exact", "EXACT", true)]
    [InlineData("x=", "", true)]
    [InlineData("x!=foo", "bar", true)]
    [InlineData("x!=foo", "foo", false)]
    public void Matches_case_insensitively_with_star_wildcards(string filter, string value, bool expected) =>
        Assert.Equal(expected, FieldFilter.Parse(filter).Matches(value));

    [Fact]
    public void A_missing_field_matches_only_negated_filters()
    {
        Assert.False(FieldFilter.Parse("x=*").Matches(null));
        Assert.True(FieldFilter.Parse("x!=foo").Matches(null));
    }

    [Theory]
    [InlineData("novalue")]
    [InlineData("=value")]
    [InlineData("!=value")]
    public void Rejects_text_without_a_field_name(string text) =>
        Assert.Throws<FormatException>(() => FieldFilter.Parse(text));

    [Fact]
    public void Keeps_equals_signs_inside_the_value() =>
        Assert.Equal("a=b", FieldFilter.Parse("q=a=b").Pattern);
}
