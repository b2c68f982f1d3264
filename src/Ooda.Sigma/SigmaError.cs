namespace Ooda.Sigma;

/// <summary>Why a rule was not loaded or not compiled: a stable reason class for counting, and the exact message.</summary>
/// <param name="Reason">A short kebab-case class, e.g. <c>unknown-modifier</c>, <c>condition-syntax</c>.</param>
/// <param name="Message">What exactly is wrong, naming the field, modifier or token.</param>
public sealed record SigmaError(string Reason, string Message)
{
    public override string ToString() => $"{Reason}: {Message}";
}
