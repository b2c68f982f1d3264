namespace Ooda.Store;

/// <summary>An inbox file's steps: arrived (registered), ingested (its events are in the store), hunted (findings and leads saved), or failed.</summary>
public static class InboxItemStates
{
    public const string Arrived = "arrived";

    public const string Ingested = "ingested";

    public const string Hunted = "hunted";

    public const string Failed = "failed";

    public static IReadOnlyList<string> All { get; } = [Arrived, Ingested, Hunted, Failed];
}
