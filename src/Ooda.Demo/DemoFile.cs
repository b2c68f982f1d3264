namespace Ooda.Demo;

/// <summary>One file written by the generator.</summary>
/// <param name="RelativePath">Path under the output folder, with <c>/</c> separators.</param>
/// <param name="Kind">What the file holds.</param>
/// <param name="Records">Data lines or events (header lines excluded); 0 for captured files.</param>
/// <param name="Bytes">File size.</param>
public sealed record DemoFile(string RelativePath, DemoFileKind Kind, long Records, long Bytes);
