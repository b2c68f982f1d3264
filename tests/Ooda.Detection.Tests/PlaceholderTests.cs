namespace Ooda.Detection.Tests;

public sealed class ProjectTests
{
    [Fact]
    public void The_detection_assembly_loads() => Assert.Equal("Ooda.Detection", typeof(AssemblyMarker).Assembly.GetName().Name);
}
