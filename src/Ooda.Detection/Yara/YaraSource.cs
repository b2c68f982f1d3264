namespace Ooda.Detection.Yara;

/// <summary>The text of one rule file.</summary>
/// <param name="Name">What diagnostics call it: the file's path, or a name for inline rules.</param>
/// <param name="Namespace">The YARA namespace its rules go into, so equal rule names in two files do not clash.</param>
/// <param name="Text">The rules, as bytes (YARA source is bytes; strings inside may be any encoding).</param>
public sealed record YaraSource(string Name, string Namespace, byte[] Text)
{
    /// <summary>Inline rules, e.g. from a runbook.</summary>
    public static YaraSource FromText(string name, string text, string? ruleNamespace = null) =>
        new(name, ruleNamespace ?? name, System.Text.Encoding.UTF8.GetBytes(text));
}
