namespace Ooda.Engine.Triage.Internal;

/// <summary>
/// <see cref="TriageService.InvestigationOrder"/> flattened into one value per host, so sorting 100,000 hosts compares
/// numbers side by side instead of chasing each host's objects; the input position breaks ties between duplicate rows.
/// </summary>
internal readonly record struct InvestigationKey(int Priority, int PreAuth, int Cves, int TenantRank, string Host, int Index) : IComparable<InvestigationKey>
{
    public int CompareTo(InvestigationKey other)
    {
        var c = Priority.CompareTo(other.Priority);
        if (c == 0)
            c = other.PreAuth.CompareTo(PreAuth);
        if (c == 0)
            c = other.Cves.CompareTo(Cves);
        if (c == 0)
            c = TenantRank.CompareTo(other.TenantRank);
        if (c == 0)
            c = string.CompareOrdinal(Host, other.Host);
        return c != 0 ? c : Index.CompareTo(other.Index);
    }
}
