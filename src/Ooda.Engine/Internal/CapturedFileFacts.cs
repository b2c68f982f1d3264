using Ooda.Core;

namespace Ooda.Engine.Internal;

/// <summary>The captured-file record of a collection entry, as ingest stores it and file hunts read it.</summary>
internal static class CapturedFileFacts
{
    /// <summary>Magic-number triage needs only the first bytes.</summary>
    public const int FirstBytesLength = 16;

    public static CapturedFile From(CollectionEntry entry, FileFacts facts)
    {
        var info = new FileInfo(entry.FullPath);
        // The full path, so file hunts can read the copy again later from any working directory.
        return new CapturedFile(entry.Tenant, entry.Host, entry.OriginalPath!, Path.GetFullPath(entry.FullPath), facts.Size,
            info.LastWriteTimeUtc, info.CreationTimeUtc, facts.Sha256, facts.Head.AsSpan(0, Math.Min(FirstBytesLength, facts.Head.Length)).ToArray());
    }
}
