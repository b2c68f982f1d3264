namespace Ooda.Sigma.Internal;

internal sealed class NotNode(Node child) : Node
{
    public Node Child { get; } = child;

    public override bool Eval(SigmaEvaluationContext context) => !Child.Eval(context);

    public static Node Of(Node child) => child switch
    {
        ConstNode c => c.Negate(),
        NotNode n => n.Child,
        _ => new NotNode(child),
    };

    public override Node Rewrite(FieldRewriter rewriter)
    {
        var rewritten = Child.Rewrite(rewriter);
        // An unknown leaf stays unknown under negation: after NNF a NOT only wraps a leaf, and an unknown leaf is false.
        return rewritten is ConstNode && Child is not ConstNode ? ConstNode.False : Of(rewritten);
    }

    public override Node Negate() => Child.ToNnf();

    public override Node ToNnf() => Child.Negate();

    public override void CollectFields(ISet<string> fields) => Child.CollectFields(fields);

    public override bool NeedsUnavailable(FieldRewriter rewriter) => Child.NeedsUnavailable(rewriter);
}
