namespace Ooda.Sigma.Internal;

internal sealed class ConstNode : Node
{
    public static readonly ConstNode True = new(true);
    public static readonly ConstNode False = new(false);

    private ConstNode(bool value) => Value = value;

    public bool Value { get; }

    public override bool Eval(SigmaEvaluationContext context) => Value;

    public override Node Rewrite(FieldRewriter rewriter) => this;

    public override Node Negate() => Value ? False : True;

    public override void CollectFields(ISet<string> fields)
    {
    }

    public override bool NeedsUnavailable(FieldRewriter rewriter) => false;
}
