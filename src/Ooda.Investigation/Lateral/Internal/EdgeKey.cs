namespace Ooda.Investigation.Lateral.Internal;

/// <summary>What makes two observations one edge: the same two hosts and the same account name (domains are spelled too many ways to split on).</summary>
internal readonly record struct EdgeKey(string Source, string Target, string User)
{
    /// <summary>The key of an edge; a user written <c>DOMAIN\user</c> or <c>user@domain</c> (4648 often uses the UPN) keys as <c>user</c>.</summary>
    public static EdgeKey Of(string source, string target, string user) =>
        new(source.ToUpperInvariant(), target.ToUpperInvariant(), EvidenceSummaries.UserOf(user).ToUpperInvariant());
}
