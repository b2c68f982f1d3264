namespace Ooda.Formats.Evtx.Internal;

/// <summary>A template definition parsed once per chunk: its GUID and its content with substitution slots.</summary>
internal sealed record CompiledTemplate(Guid Guid, TemplateNode[] Content);
