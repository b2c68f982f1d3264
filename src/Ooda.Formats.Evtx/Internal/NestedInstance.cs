namespace Ooda.Formats.Evtx.Internal;

/// <summary>A template instance inside a Binary XML value: its one root element and its own values.</summary>
internal readonly record struct NestedInstance(TemplateNode? Root, SubstitutionValues? Values);
