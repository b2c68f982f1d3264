using System.Security.Cryptography;
using System.Text;
using Ooda.Testing;

namespace Ooda.Demo.Tests;

[Collection(FleetCollection.Name)]
public sealed class DemoFleetGeneratorTests(GeneratedFleet generated)
{
    [Fact]
    public void The_same_seed_writes_byte_identical_files_in_two_fresh_folders()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        DemoFleetGenerator.Generate(new DemoOptions(first.Path, Scale: 0.2));
        DemoFleetGenerator.Generate(new DemoOptions(second.Path, Scale: 0.2));

        Assert.Equal(TreeHash(first.Path), TreeHash(second.Path));
    }

    [Fact]
    public void A_different_seed_writes_different_files()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        var a = DemoFleetGenerator.Generate(new DemoOptions(first.Path, Seed: 1, Scale: 0.2));
        var b = DemoFleetGenerator.Generate(new DemoOptions(second.Path, Seed: 2, Scale: 0.2));

        Assert.NotEqual(TreeHash(first.Path), TreeHash(second.Path));
        Assert.NotEqual(a.Intrusion.WebshellPath, b.Intrusion.WebshellPath);
    }

    [Fact]
    public void Writes_three_tenants_and_eleven_hosts_with_every_kind_of_file()
    {
        var fleet = generated.Fleet;

        Assert.Equal(["acme-logistics", "birch-health", "cobalt-legal"], fleet.Tenants.Select(t => t.Name));
        Assert.Equal(11, fleet.Hosts.Count);
        Assert.Equal(5, fleet.Hosts.Count(h => h.IsExchange));
        Assert.Single(fleet.Hosts, h => h.IsExchange && h.ExchangeBuild is null);
        foreach (var kind in Enum.GetValues<DemoFileKind>())
            Assert.Contains(fleet.Files, f => f.Kind == kind);
    }

    [Fact]
    public void The_default_fleet_holds_between_thirty_and_sixty_thousand_records()
    {
        Assert.InRange(generated.Fleet.TotalRecords, 30_000, 60_000);
    }

    [Fact]
    public void The_file_list_matches_the_files_on_disk()
    {
        var onDisk = Directory.EnumerateFiles(generated.Root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(generated.Root, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);

        Assert.Equal(onDisk, generated.Fleet.Files.Select(f => f.RelativePath));
        Assert.All(generated.Fleet.Files, f => Assert.Equal(f.Bytes, new FileInfo(Path.Combine(generated.Root, f.RelativePath)).Length));
    }

    [Fact]
    public void Scale_multiplies_the_benign_volume()
    {
        using var folder = new TempDirectory();

        var small = DemoFleetGenerator.Generate(new DemoOptions(folder.Path, Scale: 0.25));

        Assert.InRange(small.RecordsOf(DemoFileKind.IisW3c), generated.Fleet.RecordsOf(DemoFileKind.IisW3c) / 6, generated.Fleet.RecordsOf(DemoFileKind.IisW3c) / 2);
    }

    [Fact]
    public void Rejects_a_scale_that_is_not_positive()
    {
        using var folder = new TempDirectory();

        Assert.Throws<ArgumentOutOfRangeException>(() => DemoFleetGenerator.Generate(new DemoOptions(folder.Path, Scale: 0)));
    }

    [Fact]
    public void The_intrusion_lies_inside_the_evidence_window_in_story_order()
    {
        var i = generated.Fleet.Intrusion;

        Assert.Equal(("acme-logistics", "acme-ex01", "acme-dc01"), (i.Tenant, i.Host, i.LateralTarget));
        Assert.StartsWith("203.0.113.", i.AttackerIp, StringComparison.Ordinal);
        Assert.StartsWith(@"C:\inetpub\wwwroot\aspnet_client\", i.WebshellPath, StringComparison.Ordinal);
        Assert.True(DemoOptions.Start < i.FirstExploit);
        Assert.True(i.FirstExploit < i.MailboxExport && i.MailboxExport < i.FirstWebshellCommand);
        Assert.True(i.FirstWebshellCommand < i.CredentialDump && i.CredentialDump < i.LateralMovement);
        Assert.True(i.LateralMovement < DemoOptions.Start.AddDays(DemoOptions.Days));
    }

    [Fact]
    public void The_exploit_appears_in_the_victims_iis_and_httpproxy_logs_only()
    {
        var exploit = "/autodiscover/autodiscover.json @" + "evil.example/powershell/?X-Rps-CAT=";
        var iis = generated.FilesOf(DemoFileKind.IisW3c).Where(f => File.ReadAllText(f).Contains(exploit, StringComparison.Ordinal)).ToList();
        var proxy = generated.FilesOf(DemoFileKind.HttpProxy)
            .Where(f => File.ReadAllText(f).Contains("?@evil.example/powershell/?X-Rps-CAT=", StringComparison.Ordinal)).ToList();

        var iisFile = Assert.Single(iis);
        Assert.Contains(Path.Combine("acme-ex01", "inetpub", "logs", "LogFiles", "W3SVC1", "u_ex210807.log"), iisFile, StringComparison.Ordinal);
        var proxyFile = Assert.Single(proxy);
        Assert.Contains(Path.Combine("HttpProxy", "Autodiscover", "HttpProxy_2021080700-1.LOG"), proxyFile, StringComparison.Ordinal);
        var line = File.ReadLines(iisFile).First(l => l.Contains(exploit, StringComparison.Ordinal));
        Assert.Contains(" 200 0 0 ", line, StringComparison.Ordinal);
        Assert.Contains(generated.Fleet.Intrusion.AttackerIp, line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_webshell_is_posted_to_after_it_was_written()
    {
        var i = generated.Fleet.Intrusion;
        var posts = File.ReadLines(Path.Combine(generated.HostFolder(i.Tenant, i.Host), "inetpub", "logs", "LogFiles", "W3SVC1", "u_ex210807.log"))
            .Where(l => l.Contains("POST " + i.WebshellUrl + " ", StringComparison.Ordinal))
            .ToList();

        Assert.True(posts.Count >= 5);
        Assert.All(posts, l => Assert.Contains(" " + i.AttackerIp + " ", l, StringComparison.Ordinal));
        Assert.True(string.CompareOrdinal(posts[0][..19], i.MailboxExport.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)) > 0);
    }

    [Fact]
    public void Every_iis_log_starts_with_the_iis_10_header()
    {
        foreach (var file in generated.FilesOf(DemoFileKind.IisW3c))
        {
            var lines = File.ReadLines(file).Take(4).ToList();
            Assert.Equal("#Software: Microsoft Internet Information Services 10.0", lines[0]);
            Assert.Equal("#Version: 1.0", lines[1]);
            Assert.StartsWith("#Date: 2021-08-0", lines[2], StringComparison.Ordinal);
            Assert.Equal("#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken", lines[3]);
        }
    }

    [Fact]
    public void Every_iis_line_has_fifteen_fields_and_lines_are_in_time_order()
    {
        foreach (var file in generated.FilesOf(DemoFileKind.IisW3c))
        {
            var previous = "";
            foreach (var line in File.ReadLines(file).Where(l => !l.StartsWith('#')))
            {
                Assert.Equal(15, line.Split(' ').Length);
                Assert.True(string.CompareOrdinal(previous, line[..19]) <= 0, line);
                previous = line[..19];
            }
        }
    }

    [Fact]
    public void Every_httpproxy_row_has_as_many_csv_fields_as_the_header()
    {
        foreach (var file in generated.FilesOf(DemoFileKind.HttpProxy))
        {
            var lines = File.ReadLines(file).ToList();
            Assert.Equal("#Software: Microsoft Exchange Server", lines[0]);
            Assert.StartsWith("#Version: 15.0", lines[1], StringComparison.Ordinal);
            Assert.Equal("#Log-type: HttpProxy Logs", lines[2]);
            var fields = lines[4]["#Fields: ".Length..].Split(',').Length;
            Assert.Equal(73, fields);
            foreach (var row in lines.Skip(5))
                Assert.Equal(fields, CsvFieldCount(row));
        }
    }

    [Fact]
    public void The_cobalt_server_missing_from_the_inventory_tells_its_build_in_its_logs()
    {
        var folder = Path.Combine(generated.HostFolder("cobalt-legal", "cobalt-ex02"), "Exchange", "Logging", "HttpProxy");
        var file = Directory.EnumerateFiles(folder, "*.LOG", SearchOption.AllDirectories).First();

        Assert.Equal("#Version: 15.02.0792.003", File.ReadLines(file).ElementAt(1));
    }

    private static int CsvFieldCount(string row)
    {
        var count = 1;
        var quoted = false;
        foreach (var c in row)
        {
            if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
                count++;
        }

        return count;
    }

    private static string TreeHash(string root)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
