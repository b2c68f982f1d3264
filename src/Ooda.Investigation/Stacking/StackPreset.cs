using Ooda.Store;

namespace Ooda.Investigation.Stacking;

/// <summary>A named stack over several event sources that record the same thing (Sysmon and Security both log process starts).</summary>
/// <param name="Name">What the analyst types: <c>process</c>, <c>hash</c>, <c>service</c>, …</param>
/// <param name="Description">One line saying what is counted.</param>
public sealed record StackPreset(string Name, string Description, IReadOnlyList<StackSource> Sources);
