namespace Ooda.Detection.Iocs;

/// <summary>One event field (case-insensitive name) and how it is read for indicators.</summary>
public readonly record struct IocField(string Name, IocFieldRole Roles);
