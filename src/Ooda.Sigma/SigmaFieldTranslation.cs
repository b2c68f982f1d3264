namespace Ooda.Sigma;

/// <summary>A rule field read under another name on this event source (e.g. <c>Image</c> → <c>NewProcessName</c> on Security 4688).</summary>
public readonly record struct SigmaFieldTranslation(string RuleField, string EventField)
{
    public override string ToString() => $"{RuleField}->{EventField}";
}
