namespace Ooda.Demo.Tests;

/// <summary>Test classes that read the default fleet share one generation of it.</summary>
[CollectionDefinition(Name)]
public sealed class FleetCollection : ICollectionFixture<GeneratedFleet>
{
    public const string Name = "Generated fleet";
}
