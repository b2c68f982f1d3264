namespace Ooda.Sigma.Internal;

/// <summary>Receives the needle occurrences a <see cref="NeedleAutomaton"/> scan finds.</summary>
internal interface INeedleSink
{
    void Vouch(NeedleOutput output);
}
