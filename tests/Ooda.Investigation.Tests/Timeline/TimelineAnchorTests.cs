using Ooda.Core;
using Ooda.Investigation.Timeline;
using static Ooda.Investigation.Tests.Timeline.TimelineStore;

namespace Ooda.Investigation.Tests.Timeline;

public sealed class TimelineAnchorTests
{
    [Theory]
    [InlineData("2021-08-06T10:00:00Z", "2021-08-06T10:00:00Z")]
    [InlineData("2021-08-06T12:00:00+02:00", "2021-08-06T10:00:00Z")]
    [InlineData("2021-08-06 10:00", "2021-08-06T10:00:00Z")]
    [InlineData("2021-08-06", "2021-08-06T00:00:00Z")]
    public void Reads_a_time_as_utc_and_a_time_without_a_zone_as_utc_too(string text, string utc)
    {
        var anchor = TimelineAnchor.Parse(text);
        Assert.Equal(TimelineAnchorKind.Time, anchor.Kind);
        Assert.Equal(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), anchor.Time);
        Assert.Equal(DateTimeKind.Utc, anchor.Time!.Value.Kind);
    }

    [Theory]
    [InlineData("AbCdEf01:4242", "abcdef01", 4242L, null)]
    [InlineData("abcdef:L17", "abcdef", null, 17L)]
    [InlineData("abcdef:l17", "abcdef", null, 17L)]
    public void Reads_an_event_as_a_hash_prefix_and_a_record_id_or_line(string text, string prefix, long? record, long? line)
    {
        var anchor = TimelineAnchor.Parse(text);
        Assert.Equal((TimelineAnchorKind.Event, prefix, record, line), (anchor.Kind, anchor.Sha256Prefix, anchor.RecordId, anchor.Line));
    }

    [Fact]
    public void Reads_anything_else_hexadecimal_as_a_finding_id()
    {
        var anchor = TimelineAnchor.Parse("1A2B3C4D5E");
        Assert.Equal((TimelineAnchorKind.Finding, "1a2b3c4d5e"), (anchor.Kind, anchor.FindingId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("abcde:12")]
    [InlineData("abcdef:x12")]
    [InlineData("webshell")]
    [InlineData("2021-13-45T10:00:00Z")]
    [InlineData("abcdef:99999999999999999999")]
    public void Refuses_what_is_none_of_the_three(string text) =>
        Assert.Throws<FormatException>(() => TimelineAnchor.Parse(text));

    [Fact]
    public void Resolves_an_event_by_record_id_or_line_to_its_time_and_host()
    {
        using var store = Stored();
        var byRecord = TimelineAnchor.Parse("aaaaaaaa:2").Resolve(store.Workspace, "acme");
        Assert.Equal((T0, "acme-ex01"), (byRecord.Time, byRecord.Host));
        var byLine = TimelineAnchor.Parse("bbbbbb:L6").Resolve(store.Workspace);
        Assert.Equal((T0.AddMinutes(-5), "acme-ex01"), (byLine.Time, byLine.Host));
    }

    [Fact]
    public void Says_so_when_an_event_is_missing_of_another_tenant_or_ambiguous()
    {
        using var store = Stored();
        Assert.Throws<TimelineException>(() => TimelineAnchor.Parse("aaaaaa:99").Resolve(store.Workspace));
        Assert.Throws<TimelineException>(() => TimelineAnchor.Parse("aaaaaa:2").Resolve(store.Workspace, "other"));
        store.File("acme", "acme-ex02", Sha('a'), "copy/Sysmon.evtx", Windows(T0, "Sysmon", 11, 2));
        var ambiguous = Assert.Throws<TimelineException>(() => TimelineAnchor.Parse("aaaaaa:2").Resolve(store.Workspace, "acme"));
        Assert.Contains("2 stored events", ambiguous.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolves_a_finding_to_its_evidence_time_and_refuses_one_without_a_time_or_of_another_tenant()
    {
        using var store = Stored();
        store.Workspace.SaveFindings(
        [
            Finding("0123456789abcdef0123", "acme", "acme-ex01", T0.AddMinutes(3), new Provenance("f", Sha('a'), 0, 0), recordId: 2),
            Finding("fedcba98765432100000", "acme", "acme-ex01", DateTime.MinValue, new Provenance("f", Sha('e'), -1, 0)),
        ]);
        var point = TimelineAnchor.Parse("0123456789").Resolve(store.Workspace, "acme");
        Assert.Equal((T0.AddMinutes(3), "acme-ex01"), (point.Time, point.Host));
        Assert.Contains("finding 0123456789ab", point.Description, StringComparison.Ordinal);
        Assert.Throws<TimelineException>(() => TimelineAnchor.Parse("0123456789").Resolve(store.Workspace, "other"));
        Assert.Throws<TimelineException>(() => TimelineAnchor.Parse("fedcba9876").Resolve(store.Workspace));
        Assert.Throws<TimelineException>(() => TimelineAnchor.Parse("999999").Resolve(store.Workspace));
    }

    private static TimelineStore Stored()
    {
        var store = new TimelineStore();
        store.File("acme", "acme-ex01", Sha('a'), "acme/acme-ex01/Sysmon.evtx",
            Windows(T0.AddHours(-1), "Microsoft-Windows-Sysmon/Operational", 1, 1), Windows(T0, "Microsoft-Windows-Sysmon/Operational", 11, 2));
        store.File("acme", "acme-ex01", Sha('b'), "acme/acme-ex01/u_ex.log",
            Log(T0.AddMinutes(-5), SourceKind.IisW3c, "W3SVC1", 6, ("cs-method", "GET")));
        return store;
    }
}
