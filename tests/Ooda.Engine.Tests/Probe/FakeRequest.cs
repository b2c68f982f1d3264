namespace Ooda.Engine.Tests.Probe;

/// <summary>A request line and headers as the fake front end received them.</summary>
public sealed record FakeRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers)
{
    public string Path => Target.Split('?', 2)[0];
}
