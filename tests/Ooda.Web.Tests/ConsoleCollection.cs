namespace Ooda.Web.Tests;

/// <summary>The test classes that share one demo workspace and one running console.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
