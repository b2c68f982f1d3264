namespace Ooda.Sigma.Internal;

/// <summary>A node of a compiled condition tree.</summary>
internal abstract class Node
{
    public abstract bool Eval(SigmaEvaluationContext context);

    /// <summary>The same tree over renamed fields; a field the rewriter cannot supply makes its leaf unknown.</summary>
    public abstract Node Rewrite(FieldRewriter rewriter);

    /// <summary>The negation in negation normal form (negations pushed to the leaves).</summary>
    public abstract Node Negate();

    /// <summary>This tree in negation normal form.</summary>
    public virtual Node ToNnf() => this;

    public abstract void CollectFields(ISet<string> fields);

    /// <summary>Whether any leaf reads a field the rewriter cannot supply.</summary>
    public abstract bool NeedsUnavailable(FieldRewriter rewriter);
}
