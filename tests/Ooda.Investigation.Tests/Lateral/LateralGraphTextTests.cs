using Ooda.Investigation.Lateral;

namespace Ooda.Investigation.Tests.Lateral;

public sealed class LateralGraphTextTests
{
    [Fact]
    public void Lists_suspicious_edges_by_source_with_why_and_evidence_and_counts_the_hidden_routine_ones()
    {
        var text = LateralGraphText.Render(LateralGraphSamples.Ordinary());

        Assert.Contains("1 suspicious edge; 1 routine edge hidden (--all shows them).", text, StringComparison.Ordinal);
        Assert.Contains("\nacme-ex01 [in scope]\n  → acme-dc01 [reached, hop 1; also 10.10.1.10]  as ACME\\adm-ibaker  SUSPICIOUS\n", text, StringComparison.Ordinal);
        Assert.Contains("      why    + PsExec-style service PSEXESVC installed\n             + rare\n", text, StringComparison.Ordinal);
        Assert.Contains("2021-08-07T04:12:16.250Z  acme-dc01  System 7045 record 42  PSEXESVC installed", text, StringComparison.Ordinal);
        Assert.Contains("at dc01/System.evtx@0x1a2b (sha256 " + new string('b', 64) + ")", text, StringComparison.Ordinal);
        Assert.Contains("Reached hosts, proposed for the case's scope:\n  acme-dc01  hop 1 from acme-ex01", text, StringComparison.Ordinal);
        Assert.DoesNotContain("10.0.5.50", text, StringComparison.Ordinal);
    }

    [Fact]
    public void All_edges_are_listed_with_all()
    {
        var text = LateralGraphText.Render(LateralGraphSamples.Ordinary(), includeRoutine: true);

        Assert.Contains("2 edges: 1 suspicious, 1 routine.", text, StringComparison.Ordinal);
        Assert.Contains("\n10.0.5.50 [unresolved]\n  → acme-dc01", text, StringComparison.Ordinal);
        Assert.Contains("  routine\n", text, StringComparison.Ordinal);
        Assert.Contains("             - no execution artefacts\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_evidence_prints_without_control_characters()
    {
        var text = LateralGraphText.Render(LateralGraphSamples.Hostile(), includeRoutine: true);

        Assert.DoesNotContain(text, c => c < 0x20 && c != '\n');
        Assert.DoesNotContain('\u202e', text);
        Assert.Contains("evil\"];\\n<script>", text, StringComparison.Ordinal);
        Assert.Contains("\\u001b[31m", text, StringComparison.Ordinal);
    }
}
