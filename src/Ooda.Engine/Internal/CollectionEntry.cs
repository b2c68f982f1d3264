namespace Ooda.Engine.Internal;

/// <summary>One file of a collection, whose evidence it is, and its original Windows path when it is a captured file.</summary>
internal sealed record CollectionEntry(string FullPath, string DisplayPath, string Tenant, string Host, string? OriginalPath);
