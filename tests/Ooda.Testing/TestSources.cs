using Ooda.Core;

namespace Ooda.Testing;

/// <summary>Parse contexts for parser tests that collect their diagnostics.</summary>
public static class TestSources
{
    public static ParseContext Context(List<Diagnostic> diagnostics, string path = "test.log") =>
        new(new EvidenceSource(path, new string('0', 64), "tenant", "host"), diagnostics.Add);
}
