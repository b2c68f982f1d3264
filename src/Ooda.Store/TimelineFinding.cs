using Ooda.Core;

namespace Ooda.Store;

/// <summary>A stored finding with when it was found, which is not when its evidence says it happened.</summary>
public sealed record TimelineFinding(Finding Finding, DateTime FoundAt);
