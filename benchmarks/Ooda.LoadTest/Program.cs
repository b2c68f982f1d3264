using System.Globalization;
using Ooda.LoadTest;

// `run`: the load against a running console (see ../console-load.sh); `verify`: the store check once the console has stopped.
return args switch
{
    ["run", var url, var token, var clients, var seconds, var uploads, var tenant, var caseId, var receipts] =>
        await LoadRun.RunAsync(new LoadSettings(new Uri(url), token, Number(clients), Number(seconds), Number(uploads), tenant, caseId, receipts)),
    ["verify", var workspace, var receipts] => StoreCheck.Run(workspace, receipts),
    _ => Usage(),
};

static int Number(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

static int Usage()
{
    Console.Error.WriteLine("usage: Ooda.LoadTest run <url> <token> <clients> <seconds> <uploads> <tenant> <case> <receipts.tsv>");
    Console.Error.WriteLine("       Ooda.LoadTest verify <workspace> <receipts.tsv>");
    return 2;
}
