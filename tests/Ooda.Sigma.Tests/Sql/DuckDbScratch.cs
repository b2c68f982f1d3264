using Ooda.Store;
using Ooda.Testing;

namespace Ooda.Sigma.Tests.Sql;

/// <summary>An empty workspace to evaluate SQL expressions in DuckDB, the way hunt queries will.</summary>
internal sealed class DuckDbScratch : IDisposable
{
    private readonly TempDirectory _directory = new();

    public DuckDbScratch() => Workspace.Open(_directory.Path).Dispose();

    /// <summary>Runs one query and returns its rows.</summary>
    public List<object?[]> Rows(string sql)
    {
        var rows = new List<object?[]>();
        WorkspaceSql.Query(_directory.Path, sql, _ => { }, rows.Add);
        return rows;
    }

    public void Dispose() => _directory.Dispose();
}
