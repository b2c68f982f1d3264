namespace Ooda.Investigation.Lateral;

/// <summary>A host the attacker reached, proposed for the case's scope, with the first suspicious edge that reached it.</summary>
/// <param name="Hops">Suspicious edges from the nearest seed host.</param>
public sealed record LateralReach(string Host, int Hops, string From, string Account, IReadOnlyList<string> Techniques, DateTime First, string Reason);
