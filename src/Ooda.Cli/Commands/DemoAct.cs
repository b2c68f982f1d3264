using Ooda.Engine.Response;
using Ooda.Response;
using Ooda.Store;

namespace Ooda.Cli.Commands;

/// <summary>The demo's act stage: the response plan, what dispatch did with it, and the files it wrote for the customer.</summary>
/// <param name="Folder">Where the agent outbox, script, notice, report and exports were written.</param>
internal sealed record DemoAct(
    string CaseId,
    ResponsePolicy Policy,
    int Planned,
    IReadOnlyList<string> Approved,
    DispatchReport Dispatch,
    string Folder,
    IReadOnlyList<string> Files);
