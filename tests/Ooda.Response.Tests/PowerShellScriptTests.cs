using System.Text;
using Ooda.Store;

namespace Ooda.Response.Tests;

public sealed class PowerShellScriptTests
{
    private const string Sha = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";

    /// <summary>One action of every kind, every free-text field holding <paramref name="text"/>.</summary>
    private static List<StoredAction> EveryKind(string text)
    {
        var list = new List<StoredAction>();
        var n = 0;
        foreach (var kind in Enum.GetValues<ActionKind>())
        {
            foreach (var scope in new[] { "domain", "local" })
            {
                n++;
                var parameters = new Dictionary<string, string>
                {
                    [ActionParameters.Path] = text,
                    [ActionParameters.Sha256] = Sha,
                    [ActionParameters.Image] = text,
                    [ActionParameters.ProcessId] = "4242",
                    [ActionParameters.Account] = text,
                    [ActionParameters.Scope] = scope,
                    [ActionParameters.Address] = text,
                    [ActionParameters.Mailbox] = text,
                    [ActionParameters.Assignee] = text,
                    [ActionParameters.Build] = text,
                    [ActionParameters.Update] = text,
                    [ActionParameters.Mitigation] = text,
                };
                list.Add(Actions.Make(StoredActionStates.Proposed, "customer", ResponseNames.Of(kind), parameters: parameters,
                    id: $"A-{n:D4}", host: text, subject: text, reason: text));
            }
        }

        return list;
    }

    private static string Script(string text) => PowerShellScript.Generate(new ScriptRequest
    {
        CaseId = "C-0001",
        Tenant = text,
        Mode = ResponseMode.Notify,
        Actions = EveryKind(text),
        GeneratedAt = Actions.T0,
    });

    [Theory]
    [MemberData(nameof(Hostile.Present), MemberType = typeof(Hostile))]
    public void Evidence_changes_only_literal_values_never_the_code_around_them(string hostile)
    {
        var (benignSkeleton, _) = PowerShellLexer.Split(Script("x"));
        var (hostileSkeleton, values) = PowerShellLexer.Split(Script(hostile));
        Assert.Equal(benignSkeleton, hostileSkeleton);
        Assert.Contains(hostile, values);
    }

    [Theory]
    [MemberData(nameof(Hostile.Present), MemberType = typeof(Hostile))]
    public void Every_evidence_value_round_trips_through_its_literal(string hostile)
    {
        var (_, values) = PowerShellLexer.Split(Script(hostile));
        var (_, benign) = PowerShellLexer.Split(Script("x"));
        Assert.Equal(benign.Count, values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            // A literal either is ours (the same whatever the evidence) or carries the evidence value whole.
            if (benign[i] != values[i])
                Assert.True(values[i] == hostile || values[i].Contains(hostile, StringComparison.Ordinal), $"literal {i}: {values[i]}");
        }
    }

    [Theory]
    [InlineData("x\u0111; calc; #")]
    [InlineData("\u0430\u0434\u043C\u0438\u043D'; calc; #")]
    [InlineData("x\u2019; calc; #")]
    [InlineData("x\u00E9\u00C4\u20AC; calc; #")]
    public void Read_as_cp1252_by_windows_powershell_5_the_script_has_the_same_code_as_for_a_plain_name(string hostile)
    {
        var cp1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        string AsRead(string script) => cp1252.GetString(Encoding.UTF8.GetBytes(script));
        var (benign, _) = PowerShellLexer.Split(AsRead(Script("x")));
        var (read, values) = PowerShellLexer.Split(AsRead(Script(hostile)));
        Assert.Equal(benign, read);
        Assert.Contains(hostile, values);
    }

    [Fact]
    public void The_script_is_ascii_and_its_file_encoding_writes_a_bom()
    {
        var script = Script(string.Concat(Hostile.Strings));
        Assert.All(script.ToCharArray(), c => Assert.True(c is '\n' or (>= ' ' and <= '~'), $"U+{(int)c:X4}"));
        Assert.Equal([0xEF, 0xBB, 0xBF], PowerShellScript.FileEncoding.GetPreamble());
    }

    [Fact]
    public void Uses_the_cmdlets_each_kind_needs()
    {
        var script = Script("x");
        foreach (var cmdlet in new[]
        {
            "Get-MailboxExportRequest", "Remove-MailboxExportRequest -Confirm:$false", "Get-ManagementRoleAssignment -Role 'Mailbox Import Export'",
            "Remove-ManagementRoleAssignment -Confirm:$false", "Disable-ADAccount -Identity", "Disable-LocalUser -Name", "Remove-ADUser", "Remove-LocalUser",
            "Set-ADAccountPassword -Identity", "Stop-Process -Force", "Move-Item -LiteralPath $path", "Get-FileHash -LiteralPath $path -Algorithm SHA256",
            "Remove-Item -LiteralPath", "New-NetFirewallRule", "ExSetup.exe",
        })
        {
            Assert.Contains(cmdlet, script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Writes_no_expanding_string_here_string_or_block_comment()
    {
        var (skeleton, _) = PowerShellLexer.Split(Script("x"));
        Assert.DoesNotContain("@'", skeleton, StringComparison.Ordinal);
        Assert.DoesNotContain("@\"", skeleton, StringComparison.Ordinal);
        Assert.DoesNotContain("<#", skeleton, StringComparison.Ordinal);
        Assert.DoesNotContain("`", skeleton, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_carry_only_action_ids_and_kinds()
    {
        var script = Script(Hostile.Strings[0]);
        var stepComments = script.Split('\n').Where(l => l.StartsWith("# A-", StringComparison.Ordinal) || l.StartsWith("# ?", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(stepComments);
        Assert.All(stepComments, c => Assert.Matches("^# (A-[0-9]{4}|\\?) ([a-z-]+|\\?)$", c));
    }

    [Fact]
    public void A_quarantine_checks_the_hash_before_moving_the_file_and_a_malformed_hash_is_not_used()
    {
        var good = PowerShellScript.Generate(new ScriptRequest
        {
            CaseId = "C-0001",
            Tenant = "acme",
            Mode = ResponseMode.Authorize,
            GeneratedAt = Actions.T0,
            Actions = [Actions.Make("dispatched", "customer", "quarantine-file", parameters: new Dictionary<string, string> { ["path"] = @"C:\x\shell.aspx", ["sha256"] = Sha })],
        });
        Assert.Contains($"-ne '{Sha.ToUpperInvariant()}'", good, StringComparison.Ordinal);
        var bad = PowerShellScript.Generate(new ScriptRequest
        {
            CaseId = "C-0001",
            Tenant = "acme",
            Mode = ResponseMode.Authorize,
            GeneratedAt = Actions.T0,
            Actions = [Actions.Make("dispatched", "customer", "quarantine-file", parameters: new Dictionary<string, string> { ["path"] = @"C:\x\shell.aspx", ["sha256"] = "'; calc" })],
        });
        Assert.DoesNotContain("Get-FileHash", bad, StringComparison.Ordinal);
        Assert.Contains("Move-Item", bad, StringComparison.Ordinal);
    }
}
