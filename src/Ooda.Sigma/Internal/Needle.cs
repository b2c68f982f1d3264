namespace Ooda.Sigma.Internal;

/// <summary>
/// A lower-cased literal that must occur in a field value (or, with <see cref="KeywordSlot"/>, in any value of the
/// event) for a rule target to be able to match.
/// </summary>
internal readonly record struct Needle(int Slot, string Text, NeedleAnchor Anchor)
{
    /// <summary>The slot of a keyword search: every value of the event.</summary>
    public const int KeywordSlot = -1;
}
