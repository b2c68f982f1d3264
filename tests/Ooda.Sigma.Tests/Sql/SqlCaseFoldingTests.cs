using System.Globalization;
using Ooda.Sigma.Internal;

namespace Ooda.Sigma.Tests.Sql;

public class SqlCaseFoldingTests
{
    [Fact]
    public void The_sql_lower_case_equals_dotnets_for_every_code_point()
    {
        using var scratch = new DuckDbScratch();
        var rows = scratch.Rows($"SELECT i, {SqlCaseFolding.Lower("chr(i::INTEGER)")} FROM range(1, 1114112) t(i) WHERE i < 55296 OR i > 57343");
        Assert.Equal(0x10FFFF - 0x800, rows.Count);
        foreach (var row in rows)
        {
            var code = Convert.ToInt32(row[0], CultureInfo.InvariantCulture);
            var expected = char.ConvertFromUtf32(code).ToLowerInvariant();
            Assert.True(expected == (string?)row[1], $"U+{code:X4}: .NET {expected}, SQL {row[1]}");
        }
    }

    [Theory]
    [InlineData("C:\\Windows\\CMD.EXE")]
    [InlineData("\u00c9T\u00c9 \u212Aelvin \u1C89 \U00010D50 x\U0001F600")]
    [InlineData("")]
    [InlineData("\u0130\uE000\uE0001\uE0002 \u0130x\uE000")]
    [InlineData("\uE0001\u0130 \u00C91\u0130\u0130")]
    public void Whole_values_lower_as_in_dotnet(string value)
    {
        using var scratch = new DuckDbScratch();
        var row = Assert.Single(scratch.Rows($"SELECT {SqlCaseFolding.Lower(Ooda.Store.SqlHuntText.Literal(value))}"));
        Assert.Equal(value.ToLowerInvariant(), row[0]);
    }
}
