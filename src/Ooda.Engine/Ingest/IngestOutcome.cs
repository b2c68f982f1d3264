namespace Ooda.Engine.Ingest;

public enum IngestOutcome
{
    /// <summary>The file's events are now in the store.</summary>
    Ingested,
    /// <summary>The same file (by SHA-256) was already in the store for this host; nothing was added.</summary>
    AlreadyIngested,
    /// <summary>A captured file with no event format; recorded as a captured file only.</summary>
    CapturedOnly,
    /// <summary>No parser recognised the content.</summary>
    Unrecognised,
    /// <summary>Reading the file failed; nothing of it was stored.</summary>
    Failed,
}
