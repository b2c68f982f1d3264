using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ooda.Detection.Runbooks;
using Ooda.Engine.Continuous;
using Ooda.Store;
using Ooda.Web.Internal;

namespace Ooda.Web;

/// <summary>
/// The console (<c>ooda serve</c>): Kestrel serving the REST API under <c>/api/</c>, its OpenAPI document at
/// <c>/openapi/v1.json</c>, and server-rendered pages, over one workspace opened once for the life of the process.
/// </summary>
public static class ConsoleHost
{
    /// <summary>The largest request body any route but the evidence upload accepts.</summary>
    public const long MaxFormBytes = 1L << 20;

    /// <summary>Builds the application without starting it; tests start it on port 0 and read the bound address.</summary>
    /// <exception cref="DirectoryNotFoundException">The workspace does not exist.</exception>
    public static WebApplication Build(ConsoleOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(Path.Combine(options.WorkspaceFolder, Workspace.DatabaseFileName)))
            throw new DirectoryNotFoundException($"no workspace at {options.WorkspaceFolder}; run 'ooda ingest' or 'ooda demo' first, or pass --workspace");

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(ConsoleHost).Assembly.GetName().Name });
        builder.WebHost.UseUrls([.. options.Urls]);
        // The slim builder leaves HTTPS out; https:// URLs need it and a certificate.
        builder.WebHost.UseKestrelHttpsConfiguration();
        var certificate = options.CertificatePath is null ? null : X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
        builder.WebHost.ConfigureKestrel(k =>
        {
            if (certificate is not null)
                k.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate);
            k.AddServerHeader = false;
            // Forms and API calls are small; only the evidence upload route lifts this for its own request.
            k.Limits.MaxRequestBodySize = MaxFormBytes;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        var library = RunbookLibrary.Load(options.RunbookFolders);
        var gate = new WorkspaceGate(Workspace.Open(options.WorkspaceFolder));
        HuntingService? hunting = null;
        try
        {
            if (options.InboxFolder is { } inbox)
            {
                // The hunter writes through its own connection, opened now while nothing ingests, and takes turns on it itself.
                var huntingWorkspace = Workspace.Open(options.WorkspaceFolder);
                try
                {
                    hunting = new HuntingService(new ContinuousHunter(ContinuousHunterOptions.Load(huntingWorkspace, inbox, options.RunbookFolders, options.SigmaPaths, options.FilterPaths) with
                    {
                        // SQL hunts need a sandboxed connection, which a process holding the workspace read-write cannot have (WorkspaceSql).
                        RunSqlHunts = false,
                        // One turn for both connections: concurrent transactions would collide on the audit log's sequence.
                        StoreTurn = gate.Turn,
                        MaxFileSize = options.MaxUploadBytes,
                    }), huntingWorkspace);
                }
                catch
                {
                    huntingWorkspace.Dispose();
                    throw;
                }
            }
        }
        catch
        {
            gate.Dispose();
            throw;
        }

        builder.Services.AddSingleton(gate);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(library);
        builder.Services.AddSingleton(new LoginThrottle(TimeProvider.System));
        builder.Services.AddAuthentication(ConsoleAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ConsoleAuthentication>(ConsoleAuthentication.SchemeName, null);
        builder.Services.AddAuthorization(o =>
        {
            // Every endpoint needs a signed-in user unless it says otherwise; a new route cannot be anonymous by accident.
            o.FallbackPolicy = new AuthorizationPolicyBuilder(ConsoleAuthentication.SchemeName).RequireAuthenticatedUser().Build();
            o.AddPolicy(ConsolePolicies.Investigate, p => p.AddAuthenticationSchemes(ConsoleAuthentication.SchemeName).RequireRole(ConsoleRoles.Admin, ConsoleRoles.Analyst));
            o.AddPolicy(ConsolePolicies.Collaborate, p => p.AddAuthenticationSchemes(ConsoleAuthentication.SchemeName).RequireRole(ConsoleRoles.All.ToArray()));
        });
        builder.Services.AddOpenApi();
        if (hunting is not null)
        {
            builder.Services.AddSingleton(hunting);
            builder.Services.AddHostedService(_ => hunting);
        }

        configure?.Invoke(builder);

        var app = builder.Build();
        // Hosted services stop first, then the connections close.
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            hunting?.Dispose();
            gate.Dispose();
        });
        app.UseMiddleware<SecurityHeaders>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<CsrfGuard>();
        app.UseAuthorization();
        app.MapOpenApi().RequireAuthorization(ConsolePolicies.Investigate);
        AccountEndpoints.Map(app);
        ExposureEndpoints.Map(app);
        LeadEndpoints.Map(app);
        CaseEndpoints.Map(app);
        RunbookEndpoints.Map(app);
        IngestEndpoints.Map(app);
        ResponseEndpoints.Map(app);
        ReportEndpoints.Map(app);
        return app;
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled (Ctrl+C in <c>ooda serve</c>).</summary>
    public static async Task RunAsync(ConsoleOptions options, CancellationToken cancellationToken)
    {
        var app = Build(options);
        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
