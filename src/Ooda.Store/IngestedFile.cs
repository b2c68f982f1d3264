namespace Ooda.Store;

/// <summary>One evidence file loaded into the workspace: what it was, whose, and what came out of it.</summary>
public sealed record IngestedFile(
    string Tenant,
    string Host,
    string Sha256,
    string Path,
    long Size,
    string Format,
    long Events,
    int Diagnostics,
    DateTime IngestedAt);
