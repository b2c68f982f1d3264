namespace Ooda.Sigma.Internal;

internal sealed class OrNode(Node[] children) : Node
{
    public Node[] Children { get; } = children;

    public override bool Eval(SigmaEvaluationContext context)
    {
        foreach (var child in Children)
        {
            if (child.Eval(context))
                return true;
        }

        return false;
    }

    public static Node Of(IEnumerable<Node> nodes)
    {
        var list = new List<Node>();
        foreach (var node in nodes)
        {
            if (node is ConstNode c)
            {
                if (c.Value)
                    return ConstNode.True;
                continue;
            }

            if (node is OrNode or)
                list.AddRange(or.Children);
            else
                list.Add(node);
        }

        return list.Count switch { 0 => ConstNode.False, 1 => list[0], _ => new OrNode([.. list]) };
    }

    public override Node Rewrite(FieldRewriter rewriter) => Of(Children.Select(c => c.Rewrite(rewriter)));

    public override Node Negate() => AndNode.Of(Children.Select(c => c.Negate()));

    public override Node ToNnf() => Of(Children.Select(c => c.ToNnf()));

    public override void CollectFields(ISet<string> fields)
    {
        foreach (var child in Children)
            child.CollectFields(fields);
    }

    public override bool NeedsUnavailable(FieldRewriter rewriter) => Children.Any(c => c.NeedsUnavailable(rewriter));
}
