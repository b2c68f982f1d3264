using Ooda.Core;

namespace Ooda.Sigma.Internal;

/// <summary>
/// A rule's tree for one event source: the source's own conditions, then the (translated) detection, minus what the
/// Sigma filters attached to the rule exclude.
/// </summary>
internal sealed class CompiledTarget(LogsourceTarget target, Node? sourceCondition, Node detection, Node? exclusion, IReadOnlyList<SigmaFieldTranslation> translations, IReadOnlyList<(string RuleField, string EventField)> fields)
{
    public LogsourceTarget Target { get; } = target;

    public IReadOnlyList<SigmaFieldTranslation> Translations { get; } = translations;

    /// <summary>The rule's fields as this source names them, for reporting what matched.</summary>
    public IReadOnlyList<(string RuleField, string EventField)> Fields { get; } = fields;

    /// <summary>The source's own field conditions (e.g. registry_add → <c>EventType: CreateKey</c>), or null.</summary>
    public Node? SourceCondition { get; } = sourceCondition;

    public Node Detection { get; } = detection;

    /// <summary>The OR of the attached Sigma filters on this source, or null.</summary>
    public Node? Exclusion { get; } = exclusion;

    public bool Matches(SigmaEvaluationContext context) =>
        (SourceCondition is null || SourceCondition.Eval(context)) && Detection.Eval(context) && (Exclusion is null || !Exclusion.Eval(context));
}
