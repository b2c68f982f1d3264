using Ooda.Core;
using Ooda.Investigation.Timeline;

namespace Ooda.Investigation.Tests.Timeline;

public sealed class TimelineSourceTests
{
    [Theory]
    [InlineData("sysmon", "Microsoft-Windows-Sysmon/Operational", null)]
    [InlineData("Sysmon 1", "Microsoft-Windows-Sysmon/Operational", 1)]
    [InlineData("security:4624", "Security", 4624)]
    [InlineData("SECURITY 4688", "Security", 4688)]
    [InlineData("system 7045", "System", 7045)]
    [InlineData("powershell 4104", "Microsoft-Windows-PowerShell/Operational", 4104)]
    [InlineData("Exchange cmdlet", "MSExchange Management", null)]
    [InlineData("cmdlet", "MSExchange Management", null)]
    [InlineData("HttpProxy", "HttpProxy", null)]
    [InlineData("TaskScheduler 106", "Microsoft-Windows-TaskScheduler/Operational", 106)]
    [InlineData("ECP Server", "ECP Server", null)]
    public void Names_a_log_family_or_a_channel_with_an_optional_event_id(string text, string channel, int? eventId)
    {
        var source = TimelineSource.Parse(text);
        Assert.NotNull(source.Events);
        Assert.Contains(channel, source.Events!.Channels, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(eventId, source.Events.EventId);
        Assert.False(source.FileCreated || source.FileModified || source.Findings);
    }

    [Fact]
    public void Iis_is_chosen_by_kind_whatever_the_site_is_called()
    {
        var source = TimelineSource.Parse("iis");
        Assert.Empty(source.Events!.Channels);
        Assert.Equal([SourceKind.IisW3c, SourceKind.IisLegacy], source.Events.Kinds);
    }

    [Theory]
    [InlineData("files", true, true, false)]
    [InlineData("file created", true, false, false)]
    [InlineData("File Modified", false, true, false)]
    [InlineData("findings", false, false, true)]
    public void Names_the_file_and_finding_lanes(string text, bool created, bool modified, bool findings)
    {
        var source = TimelineSource.Parse(text);
        Assert.Null(source.Events);
        Assert.Equal((created, modified, findings), (source.FileCreated, source.FileModified, source.Findings));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("security 99999999999")]
    public void Refuses_an_empty_selector_or_an_impossible_event_id(string text) =>
        Assert.Throws<FormatException>(() => TimelineSource.Parse(text));
}
