namespace Ooda.Engine.Continuous.Internal;

/// <summary>The counts of one pass while it runs; one pass runs at a time, so plain fields do.</summary>
internal sealed class PassTally
{
    public int Arrived { get; set; }

    public int Duplicates { get; set; }

    public int Unsettled { get; set; }

    public int Ingested { get; set; }

    public int Hunted { get; set; }

    public int Failed { get; set; }

    public long Events { get; set; }

    public long EventsHunted { get; set; }

    public int Findings { get; set; }

    public int LeadsRaised { get; set; }

    public int LeadsUpdated { get; set; }

    public List<string> Problems { get; } = [];

    public ContinuousPass ToPass(TimeSpan elapsed) =>
        new(Arrived, Duplicates, Unsettled, Ingested, Hunted, Failed, Events, EventsHunted, Findings, LeadsRaised, LeadsUpdated, [.. Problems], elapsed);
}
