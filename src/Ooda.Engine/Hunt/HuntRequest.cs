namespace Ooda.Engine.Hunt;

/// <summary>What to hunt through: files and folders (read in place), with the tenant and host their evidence belongs to.</summary>
/// <param name="MinLevel">Report only rules at or above this level (informational, low, medium, high, critical).</param>
/// <param name="Parallelism">Worker threads; 0 means one per core.</param>
public sealed record HuntRequest(
    IReadOnlyList<string> Paths,
    string? Tenant = null,
    string? Host = null,
    string? MinLevel = null,
    int Parallelism = 0);
