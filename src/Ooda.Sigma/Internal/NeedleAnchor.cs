namespace Ooda.Sigma.Internal;

/// <summary>Where a needle must sit in a field value: anywhere, at its start, at its end, or be the whole value.</summary>
internal enum NeedleAnchor
{
    Contains,
    Prefix,
    Suffix,
    Equals,
}
