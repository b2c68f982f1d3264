namespace Ooda.Store;

/// <summary>
/// How values are made comparable so the same thing stacks together: trimmed, case folded, then rewritten in order.
/// Each rule is plain data, shown to the analyst beside the result.
/// </summary>
/// <param name="Name">Short name for display (<c>windows-path</c>).</param>
/// <param name="Description">One line saying what the rule does.</param>
public sealed record StackNormalization(string Name, string Description, StackCase Case, IReadOnlyList<StackRewrite> Rewrites)
{
    /// <summary>Values compared exactly as written (only trimmed).</summary>
    public static StackNormalization None { get; } = new("none", "compared as written, surrounding white space trimmed", StackCase.AsIs, []);
}
