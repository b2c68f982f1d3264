using Ooda.Cli;

return await OodaApp.RunAsync(args).ConfigureAwait(false);
