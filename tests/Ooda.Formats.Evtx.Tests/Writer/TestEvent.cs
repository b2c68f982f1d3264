namespace Ooda.Formats.Evtx.Tests.Writer;

/// <summary>One record for the test writer: a template (shared by identity within a chunk) and its values.</summary>
public sealed record TestEvent(ulong RecordId, DateTime Written, TestElement Template, TestValue[] Values, Guid TemplateGuid);
