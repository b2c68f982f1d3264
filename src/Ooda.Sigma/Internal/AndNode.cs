namespace Ooda.Sigma.Internal;

internal sealed class AndNode(Node[] children) : Node
{
    public Node[] Children { get; } = children;

    public override bool Eval(SigmaEvaluationContext context)
    {
        foreach (var child in Children)
        {
            if (!child.Eval(context))
                return false;
        }

        return true;
    }

    public static Node Of(IEnumerable<Node> nodes)
    {
        var list = new List<Node>();
        foreach (var node in nodes)
        {
            if (node is ConstNode c)
            {
                if (!c.Value)
                    return ConstNode.False;
                continue;
            }

            if (node is AndNode and)
                list.AddRange(and.Children);
            else
                list.Add(node);
        }

        return list.Count switch { 0 => ConstNode.True, 1 => list[0], _ => new AndNode([.. list]) };
    }

    public override Node Rewrite(FieldRewriter rewriter) => Of(Children.Select(c => c.Rewrite(rewriter)));

    public override Node Negate() => OrNode.Of(Children.Select(c => c.Negate()));

    public override Node ToNnf() => Of(Children.Select(c => c.ToNnf()));

    public override void CollectFields(ISet<string> fields)
    {
        foreach (var child in Children)
            child.CollectFields(fields);
    }

    public override bool NeedsUnavailable(FieldRewriter rewriter) => Children.Any(c => c.NeedsUnavailable(rewriter));
}
