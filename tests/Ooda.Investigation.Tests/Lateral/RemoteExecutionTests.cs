using Ooda.Investigation.Lateral.Internal;

namespace Ooda.Investigation.Tests.Lateral;

public sealed class RemoteExecutionTests
{
    [Theory]
    [InlineData("PSEXESVC", @"%SystemRoot%\PSEXESVC.exe", true)]
    [InlineData("psexesvc", @"C:\Windows\PSEXESVC.exe", true)]
    [InlineData("PAExec-4242-ATTACKER", @"C:\Windows\PAExec-4242-ATTACKER.exe", true)]
    [InlineData("RemComSvc", @"C:\Windows\RemComSvc.exe", true)]
    [InlineData("BTOBTO", @"%COMSPEC% /Q /c echo cd ^> \\127.0.0.1\C$\__output 2^>^&1 > %TEMP%\execute.bat", true)]
    [InlineData("Updater", @"cmd.exe /c powershell -nop -w hidden -c iex(...)", true)]
    [InlineData("Updater", @"C:\Windows\System32\cmd.exe /q /c start calc.exe", true)]
    [InlineData("Updater", @"powershell.exe -nop -w hidden -enc SQBFAFgA", true)]
    [InlineData("abcd", @"\\127.0.0.1\ADMIN$\xyzw.exe", true)]
    [InlineData("KqPzTwxa", @"%SystemRoot%\KqPzTwxa.exe", true)]
    [InlineData("wxyz", @"%systemroot%\hTqRvLmN.exe", true)]
    [InlineData("a1b2c3d4", @"C:\Windows\a1b2c3d4.exe", true)]
    [InlineData("wuauserv", @"%systemroot%\system32\svchost.exe -k netsvcs -p", false)]
    [InlineData("Dnscache", @"%SystemRoot%\system32\svchost.exe -k NetworkService -p", false)]
    [InlineData("Northwind Backup Helper", @"""C:\Program Files\Northwind Backup\Agent\nbhelper.exe"" --service", false)]
    [InlineData("KqPzTwxa", @"C:\Program Files\Vendor\KqPzTwxa.exe", false)]
    [InlineData("Spooler", @"%SystemRoot%\System32\spoolsv.exe", false)]
    [InlineData("MyAgentX", @"C:\Windows\MyAgentX.exe", false)]
    [InlineData(null, null, false)]
    [InlineData("", "", false)]
    public void Recognises_the_services_remote_execution_tools_install(string? name, string? imagePath, bool expected)
    {
        Assert.Equal(expected, RemoteExecution.PsExecStyle(name, imagePath) is not null);
    }

    [Theory]
    [InlineData("KqPzTwxa", true)]
    [InlineData("a1b2c3d4", true)]
    [InlineData("bcdfghjk", true)]
    [InlineData("zXcVbNmQ", true)]
    [InlineData("wuauserv", false)]
    [InlineData("Schedule", false)]
    [InlineData("Netlogon", false)]
    [InlineData("Eventlog", false)]
    [InlineData("MyAgentX", false)]
    [InlineData("Updater1x", false)]
    [InlineData("12345678", false)]
    [InlineData("abc", false)]
    public void Tells_random_eight_character_names_from_words(string text, bool expected)
    {
        Assert.Equal(expected, RemoteExecution.LooksRandom(text));
    }
}
