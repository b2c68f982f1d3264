namespace Ooda.Sigma;

/// <summary>One YAML document of a rule file: the rule, or why it could not be read.</summary>
public sealed record SigmaLoadResult(string SourcePath, int Document, SigmaRule? Rule, SigmaError? Error)
{
    public string Location => Document == 0 ? SourcePath : $"{SourcePath}#{Document}";
}
