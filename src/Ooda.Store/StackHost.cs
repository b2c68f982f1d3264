namespace Ooda.Store;

/// <summary>A host a stacked value was seen on.</summary>
public sealed record StackHost(string Tenant, string Host);
