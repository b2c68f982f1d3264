using Microsoft.Extensions.Hosting;
using Ooda.Engine.Continuous;
using Ooda.Store;

namespace Ooda.Web.Internal;

/// <summary>Runs continuous hunting beside the console for as long as it serves (<c>ooda serve --inbox DIR</c>), on its own workspace connection.</summary>
internal sealed class HuntingService(ContinuousHunter hunter, Workspace workspace) : BackgroundService
{
    public ContinuousHunter Hunter => hunter;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => hunter.RunAsync(stoppingToken);

    public override void Dispose()
    {
        base.Dispose();
        hunter.Dispose();
        workspace.Dispose();
    }
}
