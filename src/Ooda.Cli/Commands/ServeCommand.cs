using Ooda.Web;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda serve</c>: the web console and REST API over the workspace until Ctrl+C.</summary>
public sealed class ServeCommand : AsyncCommand<ServeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        if (settings.SessionHours is <= 0 or > 24 * 30)
            throw new InputException("--session-hours: give a number of hours between 0 and 720");
        var urls = settings.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw new InputException($"--urls: '{url}' is not an http:// or https:// address");
        }

        if (urls.Any(u => u.StartsWith("https:", StringComparison.OrdinalIgnoreCase)) && settings.Certificate is null)
            throw new InputException("--urls: https:// needs --cert <PFX> (a PKCS#12 certificate and key)");
        if (settings.Certificate is { } cert && !File.Exists(cert))
            throw new InputException($"--cert: no file at {cert}");
        string? certificatePassword = null;
        if (settings.CertificatePasswordVariable is { } variable)
        {
            certificatePassword = Environment.GetEnvironmentVariable(variable)
                ?? throw new InputException($"--cert-password-env: ${variable} is not set");
        }

        if (settings.Inbox is { } inbox && !Directory.Exists(inbox))
            throw new InputException($"--inbox: no folder at {inbox}");
        foreach (var folder in settings.RunbookFolders)
        {
            if (!Directory.Exists(folder) && !File.Exists(folder))
                throw new InputException($"--runbooks: no runbook folder at {folder}");
        }

        var options = new ConsoleOptions
        {
            WorkspaceFolder = Path.GetFullPath(settings.WorkspaceFolder),
            Urls = urls,
            InboxFolder = settings.Inbox is null ? null : Path.GetFullPath(settings.Inbox),
            RunbookFolders = settings.RunbookFolders,
            SigmaPaths = settings.Sigma,
            FilterPaths = settings.Filters,
            SessionLifetime = TimeSpan.FromHours(settings.SessionHours),
            CertificatePath = settings.Certificate is null ? null : Path.GetFullPath(settings.Certificate),
            CertificatePassword = certificatePassword,
        };

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            AnsiConsole.MarkupLine($"Ooda console on [bold]{Markup.Escape(string.Join(", ", urls))}[/] over {Markup.Escape(options.WorkspaceFolder)}; Ctrl+C stops it.");
            AnsiConsole.MarkupLine("[grey]no account yet? ooda user add <name> --role admin (password from stdin)[/]");
            await ConsoleHost.RunAsync(options, stop.Token).ConfigureAwait(false);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new InputException(e.Message, e);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C is the normal way to stop the console.
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        return OodaApp.ExitOk;
    }
}
