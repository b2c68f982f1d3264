using System.Text;
using Ooda.Core;
using Ooda.Detection.Tests.Yara.Support;
using Ooda.Detection.Yara;
using Ooda.Testing;

namespace Ooda.Detection.Tests.Yara;

public sealed class YaraCompilerTests
{
    private const string Good = """
        rule same_name { strings: $a = "alpha" condition: $a }
        rule only_in_good { condition: filesize > 0 }
        """;

    [SkippableFact]
    public void A_syntax_error_names_the_file_and_the_line()
    {
        YaraTest.RequireLibrary();
        const string Text = "rule broken {\n  strings:\n    $a = \"x\"\n  condition:\n    $a and and\n}\n";
        using var result = YaraCompiler.CompileSources([YaraSource.FromText("broken.yar", Text)], YaraExternals.None);

        var verdict = Assert.Single(result.Files);
        Assert.Equal(YaraFileStatus.Failed, verdict.Status);
        Assert.Null(result.Rules);
        var error = Assert.Single(verdict.Messages, m => m.Severity == DiagnosticSeverity.Error);
        Assert.Equal("broken.yar", error.File);
        Assert.Equal("5", error.Location);
        Assert.Contains("syntax error", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("line 5: syntax error", verdict.Reason, StringComparison.Ordinal);
        Assert.StartsWith("broken.yar:5: syntax error", error.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void One_bad_file_leaves_the_good_files_compiled()
    {
        YaraTest.RequireLibrary();
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("a_good.yar"), Good);
        File.WriteAllText(temp.File("b_bad.yar"), "rule fine { condition: true }\nrule bad { condition: true and }\n");
        File.WriteAllText(temp.File("c_thor.yar"), "rule thor_only {\n  condition:\n    timezone == \"UTC\"\n}\n");
        File.WriteAllText(temp.File("d_module.yara"), "import \"ooda_no_such_module\"\nrule needs_module { condition: true }\n");
        File.WriteAllText(temp.File("sub/e_good.yar"), Good.Replace("only_in_good", "only_in_sub", StringComparison.Ordinal));
        File.WriteAllText(temp.File("notes.txt"), "not a rule file");

        using var result = YaraCompiler.CompileFolder(temp.Path, YaraExternals.None);

        var byName = result.Files.ToDictionary(f => Path.GetRelativePath(temp.Path, f.File).Replace('\\', '/'));
        Assert.Equal(["a_good.yar", "b_bad.yar", "c_thor.yar", "d_module.yara", "sub/e_good.yar"], result.Files.Select(f => Path.GetRelativePath(temp.Path, f.File).Replace('\\', '/')));
        Assert.Equal((YaraFileStatus.Compiled, 2), (byName["a_good.yar"].Status, byName["a_good.yar"].RuleCount));
        Assert.Equal((YaraFileStatus.Compiled, 2), (byName["sub/e_good.yar"].Status, byName["sub/e_good.yar"].RuleCount));
        Assert.Equal(YaraFileStatus.Failed, byName["b_bad.yar"].Status);
        Assert.StartsWith("line 2: syntax error", byName["b_bad.yar"].Reason, StringComparison.Ordinal);
        Assert.Equal(YaraFileStatus.Failed, byName["c_thor.yar"].Status);
        Assert.Contains("line 3: uses \"timezone\"", byName["c_thor.yar"].Reason, StringComparison.Ordinal);
        Assert.Contains("THOR-only external", byName["c_thor.yar"].Reason, StringComparison.Ordinal);
        Assert.Equal(YaraFileStatus.Failed, byName["d_module.yara"].Status);
        Assert.Contains("needs the YARA module \"ooda_no_such_module\"", byName["d_module.yara"].Reason, StringComparison.Ordinal);

        // Both files define same_name: each lives in its own namespace, so both fire.
        Assert.Equal(4, result.Rules!.RuleCount);
        var matches = YaraTest.Scan(result.Rules, "alpha"u8);
        Assert.Equal(["a_good:only_in_good", "a_good:same_name", "sub/e_good:only_in_sub", "sub/e_good:same_name"],
            matches.Select(m => $"{m.Namespace}:{m.Rule}").Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public void A_source_that_clashes_only_beside_the_others_is_left_out_and_the_rest_compiled()
    {
        YaraTest.RequireLibrary();
        using var result = YaraCompiler.CompileSources(
            [
                YaraSource.FromText("first.yar", "rule shared { condition: true }", "one"),
                YaraSource.FromText("second.yar", "rule shared { condition: false }", "one"),
                YaraSource.FromText("third.yar", "rule other { condition: true }", "two"),
            ],
            YaraExternals.None);
        Assert.Equal([YaraFileStatus.Compiled, YaraFileStatus.Failed, YaraFileStatus.Compiled], result.Files.Select(f => f.Status));
        Assert.StartsWith("fails when compiled together with the other files: line 1: duplicated identifier", result.Files[1].Reason, StringComparison.Ordinal);
        Assert.Equal(2, result.Rules!.RuleCount);
        Assert.Equal(["one:shared", "two:other"], YaraTest.Scan(result.Rules, "x"u8).Select(m => $"{m.Namespace}:{m.Rule}"));
    }

    [SkippableFact]
    public void Includes_are_not_followed()
    {
        YaraTest.RequireLibrary();
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("other.yar"), Good);
        File.WriteAllText(temp.File("index.yar"), "include \"other.yar\"\nrule x { condition: true }\n");
        using var result = YaraCompiler.CompileFolder(temp.Path, YaraExternals.None);
        var index = result.Files.Single(f => f.File.EndsWith("index.yar", StringComparison.Ordinal));
        Assert.Equal(YaraFileStatus.Failed, index.Status);
        Assert.Contains("include directives are not followed", index.Reason, StringComparison.Ordinal);
        Assert.Equal(YaraFileStatus.Compiled, result.Files.Single(f => f.File.EndsWith("other.yar", StringComparison.Ordinal)).Status);
    }

    [SkippableFact]
    public void Warnings_are_kept_on_a_compiled_file()
    {
        YaraTest.RequireLibrary();
        using var result = YaraCompiler.CompileSources([YaraSource.FromText("slow.yar", "rule w {\n strings: $a = { 00 ?? }\n condition: $a }\n")], YaraExternals.None);
        var verdict = Assert.Single(result.Files);
        Assert.Equal(YaraFileStatus.Compiled, verdict.Status);
        var warning = Assert.Single(verdict.Messages);
        Assert.Equal((DiagnosticSeverity.Warning, "2"), (warning.Severity, warning.Location));
        Assert.Contains("may slow down scanning", warning.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_rule_file_holding_a_nul_byte_is_skipped_with_its_offset()
    {
        YaraTest.RequireLibrary();
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("binary.yar"), [.. "rule x { condition: true }"u8, 0, .. "rule y { condition: true }"u8]);
        File.WriteAllText(temp.File("good.yar"), Good);
        using var result = YaraCompiler.CompileFolder(temp.Path, YaraExternals.None);
        var skipped = result.Files.Single(f => f.Status == YaraFileStatus.Skipped);
        Assert.EndsWith("binary.yar", skipped.File, StringComparison.Ordinal);
        Assert.Contains("NUL byte at offset 0x1a", skipped.Reason, StringComparison.Ordinal);
        Assert.Equal(2, result.Rules!.RuleCount);
    }

    [SkippableFact]
    public void An_empty_folder_compiles_to_no_rules()
    {
        YaraTest.RequireLibrary();
        using var temp = new TempDirectory();
        using var result = YaraCompiler.CompileFolder(temp.Path, YaraExternals.None);
        Assert.Null(result.Rules);
        Assert.Empty(result.Files);
    }

    [SkippableFact]
    public void A_missing_folder_is_an_error_naming_it()
    {
        YaraTest.RequireLibrary();
        var path = Path.Combine(Path.GetTempPath(), "ooda-no-such-rules-" + Guid.NewGuid().ToString("N"));
        var error = Assert.Throws<DirectoryNotFoundException>(() => YaraCompiler.CompileFolder(path, YaraExternals.None));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Compile_time_externals_are_the_defaults_conditions_see_without_a_scan_value()
    {
        YaraTest.RequireLibrary();
        using var result = YaraCompiler.CompileSources(
            [YaraSource.FromText("ext.yar", "rule owner_is_default { condition: owner == \"iis apppool\" }")],
            new YaraExternals(Owner: "iis apppool"));
        Assert.Equal(YaraFileStatus.Compiled, Assert.Single(result.Files).Status);
        using var scanner = result.Rules!.CreateScanner();
        var matches = new List<YaraMatch>();
        scanner.Scan("x"u8, new YaraExternals(Owner: "iis apppool"), matches);
        Assert.Single(matches);
        matches.Clear();
        scanner.Scan("x"u8, new YaraExternals(Owner: "system"), matches);
        Assert.Empty(matches);
    }

    [SkippableFact]
    public void Rule_text_that_is_not_utf8_still_compiles_and_matches_its_bytes()
    {
        YaraTest.RequireLibrary();
        var text = Encoding.Latin1.GetBytes("rule latin { strings: $a = \"caf\u00e9\" condition: $a }");
        using var result = YaraCompiler.CompileSources([new YaraSource("latin.yar", "latin", text)], YaraExternals.None);
        Assert.Single(YaraTest.Scan(result.Rules!, Encoding.Latin1.GetBytes("un caf\u00e9")));
    }
}
