namespace Ooda.Detection.Runbooks;

/// <summary>What an engagement confirmed, to fold into a runbook: IOCs, observed techniques, and the hunts that found it.</summary>
/// <param name="Source">The case id or findings file it came from; recorded on every learned item and in the changelog.</param>
/// <param name="ConfirmedHunts">Ids of the runbook's own hunts that produced confirmed findings.</param>
/// <param name="NewHunts">Hunts from outside the runbook (e.g. a Sigma rule by id) that found part of the intrusion.</param>
public sealed record RunbookLesson(
    string Source,
    IReadOnlyList<RunbookIoc> Iocs,
    IReadOnlyList<RunbookTtp> Techniques,
    IReadOnlyList<string> ConfirmedHunts,
    IReadOnlyList<RunbookHunt> NewHunts,
    string? Author = null);
