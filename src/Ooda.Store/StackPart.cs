namespace Ooda.Store;

/// <summary>One field of a stacked value (a service's name, then its image path).</summary>
/// <param name="Field">The event field (exact name first, any case as fallback), or a captured-file column.</param>
/// <param name="Normalization">How the field's value is made comparable.</param>
/// <param name="Extract">A regular expression (RE2) whose first group is the value (quotes around it removed); no match drops the part.</param>
/// <param name="Split">Splits the field into several values (Sysmon's <c>MD5=…,SHA256=…</c>); only for a source's single part.</param>
/// <param name="Prefix">Text put before the normalised value (<c>SHA256=</c> for a captured file's hash).</param>
public sealed record StackPart(string Field, StackNormalization Normalization, string? Extract = null, string? Split = null, string? Prefix = null);
