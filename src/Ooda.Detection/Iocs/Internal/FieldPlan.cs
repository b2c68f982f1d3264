namespace Ooda.Detection.Iocs.Internal;

/// <summary>
/// One mapped field as the matcher reads it: its roles, every kind it can meet (restricted to the kinds the set holds),
/// and the kinds each folding of its text is scanned for.
/// </summary>
internal sealed record FieldPlan(string Name, IocFieldRole Roles, int Kinds, int PathScan, int AgentScan, int PlainScan);
