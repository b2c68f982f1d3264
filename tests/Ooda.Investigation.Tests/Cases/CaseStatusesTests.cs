using Ooda.Investigation.Cases;

namespace Ooda.Investigation.Tests.Cases;

public sealed class CaseStatusesTests
{
    [Theory]
    [InlineData("new", "investigating", null)]
    [InlineData("new", "closed", null)]
    [InlineData("investigating", "eradicated", null)]
    [InlineData("closed", "investigating", "new evidence")]
    [InlineData("contained", "investigating", "containment failed")]
    public void Forward_moves_and_reasoned_reopening_are_allowed(string from, string to, string? reason) =>
        Assert.Null(CaseStatuses.RefuseMove(from, to, reason));

    [Theory]
    [InlineData("investigating", "investigating", null, "already")]
    [InlineData("investigating", "new", "oops", "cannot go back")]
    [InlineData("closed", "contained", "x", "cannot go back")]
    [InlineData("closed", "investigating", null, "needs a reason")]
    [InlineData("closed", "investigating", "  ", "needs a reason")]
    [InlineData("new", "resolved", null, "not a case status")]
    public void Other_moves_are_refused_with_the_reason(string from, string to, string? reason, string refusal) =>
        Assert.Contains(refusal, CaseStatuses.RefuseMove(from, to, reason), StringComparison.Ordinal);
}
