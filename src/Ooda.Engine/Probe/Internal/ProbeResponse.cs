namespace Ooda.Engine.Probe.Internal;

/// <summary>One request's answer, or why there was none. Header values and the body are bounded.</summary>
internal sealed record ProbeResponse(
    string Path,
    ProbeOutcome Outcome,
    int? Status,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    Uri? Location,
    string? Error)
{
    public bool Answered => Outcome == ProbeOutcome.Answered;

    public bool IsRedirect => Status is >= 300 and < 400;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static ProbeResponse Failed(string path, ProbeOutcome outcome, string error) =>
        new(path, outcome, null, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), "", null, error);
}
