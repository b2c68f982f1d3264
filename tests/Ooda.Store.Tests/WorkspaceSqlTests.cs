using Ooda.Testing;

namespace Ooda.Store.Tests;

public sealed class WorkspaceSqlTests
{
    [Theory]
    [InlineData("DELETE FROM events")]
    [InlineData("INSERT INTO diagnostics VALUES ('a','b','c','d','e','f','g')")]
    [InlineData("DROP TABLE events")]
    [InlineData("COPY events TO '/tmp/ooda-leak.csv'")]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')")]
    [InlineData("ATTACH '/tmp/other.duckdb' AS other")]
    [InlineData("SET enable_external_access = true")]
    [InlineData("SELEC nonsense")]
    public void Refuses_writes_file_access_and_invalid_sql(string sql)
    {
        using var dir = new TempDirectory();
        Workspace.Open(dir.Path).Dispose();
        Assert.Throws<SqlRejectedException>(() => WorkspaceSql.Query(dir.Path, sql, _ => { }, _ => { }));
        using var workspace = Workspace.Open(dir.Path);
        Assert.Equal(0, workspace.Stats().Events);
    }

    [Fact]
    public void Streams_columns_and_rows_of_a_read_only_query()
    {
        using var dir = new TempDirectory();
        Workspace.Open(dir.Path).Dispose();
        IReadOnlyList<string>? columns = null;
        var rows = new List<object?[]>();
        WorkspaceSql.Query(dir.Path, "SELECT 42 AS answer, 'x' AS letter UNION ALL SELECT 43, NULL ORDER BY 1", c => columns = c, rows.Add);
        Assert.Equal(["answer", "letter"], columns);
        Assert.Equal(2, rows.Count);
        Assert.Equal(42, Convert.ToInt32(rows[0][0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(rows[1][1]);
    }

    [Fact]
    public void Refuses_when_the_workspace_is_open_read_write_in_this_process_where_its_sandbox_would_not_apply()
    {
        using var dir = new TempDirectory();
        using var open = Workspace.Open(dir.Path);
        var e = Assert.Throws<SqlRejectedException>(() => WorkspaceSql.Query(dir.Path, "SELECT 1", _ => { }, _ => { }));
        Assert.Contains("already open read-write in this process", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, open.Stats().Events);
    }

    [Fact]
    public void Names_a_missing_workspace()
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<SqlRejectedException>(() => WorkspaceSql.Query(Path.Combine(dir.Path, "nope"), "SELECT 1", _ => { }, _ => { }));
        Assert.Contains("no workspace store", e.Message, StringComparison.Ordinal);
    }
}
