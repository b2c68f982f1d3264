using Ooda.Store;

namespace Ooda.Investigation.Stacking;

/// <summary>A finished stack: what was asked, the sources and normalisation rules that answered it, and the rarest values.</summary>
/// <param name="Preset">The preset stacked; null when the target was a raw field.</param>
/// <param name="Sources">The sources counted (a preset's, or the one raw field's).</param>
public sealed record StackReport(StackRequest Request, StackPreset? Preset, IReadOnlyList<StackSource> Sources, StackResult Result)
{
    /// <summary>The raw field stacked; null for a preset.</summary>
    public string? Field => Preset is null ? Request.Target.Trim() : null;
}
