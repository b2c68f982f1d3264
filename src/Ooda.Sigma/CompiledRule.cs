using Ooda.Sigma.Internal;

namespace Ooda.Sigma;

/// <summary>A rule compiled once into an evaluation tree per event source it applies to.</summary>
public sealed class CompiledRule
{
    internal CompiledRule(SigmaRule rule, IReadOnlyList<CompiledTarget> targets)
    {
        Rule = rule;
        Targets = targets;
    }

    public SigmaRule Rule { get; }

    internal IReadOnlyList<CompiledTarget> Targets { get; }

    /// <summary>The names of the event sources the rule runs on.</summary>
    public IEnumerable<string> TargetNames => Targets.Select(t => t.Target.Name);
}
