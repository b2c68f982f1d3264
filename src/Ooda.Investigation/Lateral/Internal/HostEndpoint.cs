namespace Ooda.Investigation.Lateral.Internal;

/// <summary>One end of an edge: the host's graph name and whether the inventory or collection knows it.</summary>
internal readonly record struct HostEndpoint(string Name, bool Resolved);
