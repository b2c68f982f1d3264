using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class SqlSettings : WorkspaceSettings
{
    [CommandArgument(0, "<QUERY>")]
    [Description("One read-only SQL statement (DuckDB dialect); one event field: field(fields, 'CommandLine').")]
    public string Query { get; init; } = string.Empty;
}
