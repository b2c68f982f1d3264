namespace Ooda.Engine.Ingest;

/// <summary>How far an ingest run is: bytes of evidence read out of the total, and the file being read.</summary>
public readonly record struct IngestProgress(long BytesDone, long BytesTotal, string CurrentFile, long EventsAdded);
