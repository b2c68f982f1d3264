using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Ooda.Store;
using Ooda.Testing;

namespace Ooda.Web.Tests;

/// <summary>Over https (a certificate given), the console's cookies are Secure; over plain http on loopback they cannot be.</summary>
public sealed class ConsoleHttpsTests
{
    [Fact]
    public async Task Over_https_every_cookie_the_console_sets_is_secure_http_only_and_same_site_strict()
    {
        using var dir = new TempDirectory();
        var workspace = Path.Combine(dir.Path, "ws");
        Workspace.Open(workspace).Dispose();
        var pfx = Path.Combine(dir.Path, "console.pfx");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, "test-password"));
        }

        await using var app = ConsoleHost.Build(new ConsoleOptions
        {
            WorkspaceFolder = workspace,
            Urls = ["https://127.0.0.1:0"],
            CertificatePath = pfx,
            CertificatePassword = "test-password",
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Assert.StartsWith("https://", address, StringComparison.Ordinal);
        // The test trusts its own throwaway certificate only.
        using var handler = new HttpClientHandler { UseCookies = false, ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Subject == "CN=127.0.0.1" };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(address + "/") };
        using var response = await client.GetAsync(new Uri("/login", UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c =>
        {
            Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", c, StringComparison.OrdinalIgnoreCase);
        });
        await app.StopAsync();
    }
}
