using Ooda.Investigation.Stacking;
using Ooda.Store;

namespace Ooda.Investigation.Tests.Stacking;

public sealed class StackPresetsTests
{
    [Fact]
    public void Every_preset_has_a_unique_lower_case_name_and_sources_with_parts()
    {
        Assert.Equal(["process", "hash", "service", "task", "aspx", "parent-child", "user-agent", "logon"], StackPresets.All.Select(p => p.Name));
        Assert.All(StackPresets.All, p =>
        {
            Assert.NotEmpty(p.Sources);
            Assert.All(p.Sources, s => Assert.NotEmpty(s.Parts));
            Assert.Equal(p.Sources.Count, p.Sources.Select(s => s.Name).Distinct().Count());
        });
    }

    [Theory]
    [InlineData("PROCESS", "process")]
    [InlineData(" aspx ", "aspx")]
    [InlineData("Image", null)]
    public void A_preset_is_found_by_name_in_any_case_and_any_other_word_is_a_field(string word, string? preset) =>
        Assert.Equal(preset, StackPresets.Find(word)?.Name);

    [Theory]
    [InlineData("Image", "windows-path")]
    [InlineData("targetfilename", "windows-path")]
    [InlineData("CommandLine", "case-insensitive")]
    [InlineData("cs(User-Agent)", "case-insensitive")]
    public void A_raw_field_compares_paths_as_paths_and_anything_else_without_case(string field, string normalization)
    {
        var source = StackPresets.ForField(field);

        Assert.Equal(normalization, Assert.Single(source.Parts).Normalization.Name);
        Assert.Equal(field, source.Parts[0].Field);
        Assert.Empty(source.EventIds);
        Assert.Null(source.Channel);
    }

    [Fact]
    public void Presets_that_unify_sysmon_and_security_name_both()
    {
        foreach (var name in new[] { "process", "parent-child", "task" })
        {
            var channels = StackPresets.Find(name)!.Sources.Select(s => s.Channel).ToList();
            Assert.Contains(StackPresets.Sysmon, channels);
            Assert.Contains(StackPresets.Security, channels);
        }

        Assert.Contains(StackPresets.Find("hash")!.Sources, s => s.Table == StackTable.CapturedFiles);
        Assert.Contains(StackPresets.Find("aspx")!.Sources, s => s.Table == StackTable.CapturedFiles);
    }
}
