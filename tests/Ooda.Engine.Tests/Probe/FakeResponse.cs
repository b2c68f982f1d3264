namespace Ooda.Engine.Tests.Probe;

/// <summary>What the fake front end answers: a status with headers and a body, after an optional delay, or a dropped connection.</summary>
public sealed record FakeResponse(int Status, IReadOnlyList<(string Name, string Value)> Headers, string Body = "")
{
    /// <summary>Close the connection without an answer, as an IIS URL-rewrite <c>AbortRequest</c> rule does.</summary>
    public bool Abort { get; init; }

    /// <summary>Wait this long before answering.</summary>
    public TimeSpan Delay { get; init; }

    public static FakeResponse Aborted() => new(0, []) { Abort = true };
}
