using System.Globalization;
using CsCheck;
using Ooda.Formats.Text.Internal;

namespace Ooda.Formats.Text.Tests;

public sealed class TimestampsTests
{
    [Theory]
    [InlineData("2025-10-22T20:33:27.276702Z", 2025, 10, 22, 20, 33, 27, 2767020)]
    [InlineData("2024-02-29T00:00:00Z", 2024, 2, 29, 0, 0, 0, 0)]
    [InlineData("0001-01-01T00:00:00.0000001Z", 1, 1, 1, 0, 0, 0, 1)]
    public void Reads_the_evtx_system_time_form_without_the_general_parser(string text, int year, int month, int day, int hour, int minute, int second, long fractionTicks)
    {
        Assert.True(Timestamps.TryParseIsoZulu(text, out var utc));
        Assert.Equal(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fractionTicks), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Theory]
    [InlineData("2025-10-22 20:33:27.276Z")]
    [InlineData("2025-10-22T20:33:27.27670212Z")]
    [InlineData("2025-10-22T20:33:27.Z")]
    [InlineData("2025-10-22T20:33:60Z")]
    [InlineData("2025-02-29T20:33:27Z")]
    [InlineData("2025-10-22T20:33:27+01:00")]
    [InlineData("2025-10-22T20:33:27")]
    public void Leaves_every_other_form_to_the_general_parser(string text) =>
        Assert.False(Timestamps.TryParseIsoZulu(text, out _));

    [Fact]
    public void Agrees_with_the_general_parser_on_generated_and_mutated_times()
    {
        var times = Gen.Select(Gen.Long[DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks], Gen.Int[0, 8])
            .Select((ticks, digits) => new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
                + (digits == 0 ? string.Empty : "." + new DateTime(ticks).ToString("fffffff", CultureInfo.InvariantCulture)[..Math.Min(digits, 7)] + (digits == 8 ? "9" : string.Empty)) + "Z");
        times.Sample(AssertAgrees, iter: 20_000, seed: "0N0XIzNsQ0O2");
        Gen.Select(times, Gen.Int[0, 27], Gen.Char['+', '\x7e'])
            .Select((text, at, c) => text[..Math.Min(at, text.Length)] + c + text[Math.Min(at + 1, text.Length)..])
            .Sample(AssertAgrees, iter: 20_000, seed: "0N0XIzNsQ0O2");
    }

    private static void AssertAgrees(string text)
    {
        if (!Timestamps.TryParseIsoZulu(text, out var fast))
            return;
        Assert.True(DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var general), text);
        Assert.Equal(general.Ticks, fast.Ticks);
    }
}
