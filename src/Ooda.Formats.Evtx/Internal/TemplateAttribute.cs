namespace Ooda.Formats.Evtx.Internal;

internal sealed record TemplateAttribute(string Name, TemplateNode[] Value);
