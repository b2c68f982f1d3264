namespace Ooda.Store;

/// <summary>One literal rewrite of a value after its case is folded: <c>%systemroot%</c> → <c>c:\windows</c>.</summary>
/// <param name="From">Text to replace, in the folded case.</param>
/// <param name="To">What replaces it.</param>
/// <param name="AtStart">Only at the start of the value (a prefix such as <c>\??\</c>); otherwise everywhere.</param>
public sealed record StackRewrite(string From, string To, bool AtStart = false);
