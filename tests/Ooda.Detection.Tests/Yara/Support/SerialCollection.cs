namespace Ooda.Detection.Tests.Yara.Support;

/// <summary>Tests that measure process-wide state and must run with nothing else beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "serial";
}
