using Ooda.Store;

namespace Ooda.Web.Internal;

/// <summary>
/// The console's one open workspace. A DuckDB connection is not safe for concurrent use and DuckDB admits one writing
/// process, so every request takes its turn here; reads are short (indexed lookups and bounded windows).
/// </summary>
internal sealed class WorkspaceGate(Workspace workspace) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>The turn itself, shared with the continuous hunter's connection so the two never write at once.</summary>
    public SemaphoreSlim Turn => _turn;

    public string Folder => workspace.Folder;

    public async Task<T> RunAsync<T>(Func<Workspace, T> work, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return work(workspace);
        }
        finally
        {
            _turn.Release();
        }
    }

    public async Task<T> RunAsync<T>(Func<Workspace, Task<T>> work, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await work(workspace).ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose()
    {
        _turn.Dispose();
        workspace.Dispose();
    }
}
