namespace Ooda.Sigma.Internal;

/// <summary>Ooda's <c>ooda-tenants</c> filter extension: true for events of the listed tenants.</summary>
internal sealed class TenantNode(IReadOnlySet<string> tenants) : Node
{
    public IReadOnlySet<string> Tenants { get; } = tenants;

    public override bool Eval(SigmaEvaluationContext context) => Tenants.Contains(context.Event.Tenant);

    // The tenant is a property of every event, not a field, so no source lacks it and no renaming applies.
    public override Node Rewrite(FieldRewriter rewriter) => this;

    public override Node Negate() => new NotNode(this);

    public override void CollectFields(ISet<string> fields)
    {
    }

    public override bool NeedsUnavailable(FieldRewriter rewriter) => false;
}
