using Ooda.Knowledge;

namespace Ooda.Engine.Triage.Internal;

/// <summary>Counts one tenant's hosts in a single pass over the fleet.</summary>
internal sealed class TenantTally(string tenant)
{
    private int _hosts;
    private int _exchange;
    private int _vulnerable;
    private int _unknown;
    private int _exposed;
    private int _critical;
    private int _high;
    private TriagePriority _highest = TriagePriority.None;

    public void Add(HostTriage h)
    {
        _hosts++;
        if (h.IsExchange)
            _exchange++;
        if (h.Assessment?.Status == AssessmentStatus.Vulnerable)
            _vulnerable++;
        if (h.Assessment?.Status == AssessmentStatus.Unknown)
            _unknown++;
        if (h.InternetExposed443 == true && h.IsExchange)
            _exposed++;
        if (h.Priority == TriagePriority.Critical)
            _critical++;
        if (h.Priority == TriagePriority.High)
            _high++;
        if (h.Priority < _highest)
            _highest = h.Priority;
    }

    public TenantTriage ToTriage() => new(tenant, _hosts, _exchange, _vulnerable, _unknown, _exposed, _critical, _high, _highest);
}
