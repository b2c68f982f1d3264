namespace Ooda.Sigma;

/// <summary>The <c>logsource</c> of a rule: what kind of events it was written for.</summary>
public sealed record SigmaLogsource(string? Product, string? Category, string? Service)
{
    public static SigmaLogsource None { get; } = new(null, null, null);

    public override string ToString()
    {
        var parts = new List<string>(3);
        if (Product is not null)
            parts.Add("product=" + Product);
        if (Category is not null)
            parts.Add("category=" + Category);
        if (Service is not null)
            parts.Add("service=" + Service);
        return parts.Count == 0 ? "(none)" : string.Join(' ', parts);
    }
}
