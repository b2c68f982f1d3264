using Ooda.Investigation.Timeline;

namespace Ooda.Investigation.Tests.Timeline;

public sealed class TimelineDurationTests
{
    [Theory]
    [InlineData("90m", 90 * 60)]
    [InlineData("6h", 6 * 3600)]
    [InlineData("2d", 2 * 86400)]
    [InlineData("1w", 7 * 86400)]
    [InlineData("30s", 30)]
    [InlineData("1d12h", 36 * 3600)]
    [InlineData(" 2H ", 2 * 3600)]
    [InlineData("0m", 0)]
    public void Reads_durations_as_analysts_type_them(string text, long seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), TimelineDuration.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("h")]
    [InlineData("6")]
    [InlineData("6x")]
    [InlineData("-6h")]
    [InlineData("1.5h")]
    [InlineData("99999999999d")]
    [InlineData("999999999w")]
    [InlineData("3651d")]
    [InlineData("3650d1s")]
    public void Refuses_what_is_not_a_bounded_duration(string text) =>
        Assert.Throws<FormatException>(() => TimelineDuration.Parse(text));

    [Theory]
    [InlineData("90m", "1h30m")]
    [InlineData("1d12h", "1d12h")]
    [InlineData("0s", "0s")]
    [InlineData("45s", "45s")]
    public void Formats_a_duration_so_it_reads_back_the_same(string text, string formatted)
    {
        var duration = TimelineDuration.Parse(text);
        Assert.Equal(formatted, TimelineDuration.Format(duration));
        Assert.Equal(duration, TimelineDuration.Parse(TimelineDuration.Format(duration)));
    }
}
