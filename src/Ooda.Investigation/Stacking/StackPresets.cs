using Ooda.Store;

namespace Ooda.Investigation.Stacking;

/// <summary>
/// The built-in stacks, as data: for each, the event sources that record the same kind of thing and the field expression
/// that gives its value. Sysmon and Security sources sit side by side so a fleet with either stacks the same way.
/// </summary>
public static class StackPresets
{
    public const string Sysmon = "Microsoft-Windows-Sysmon/Operational";
    public const string Security = "Security";
    public const string System = "System";
    public const string TaskScheduler = "Microsoft-Windows-TaskScheduler/Operational";

    /// <summary>The task name after <c>/tn</c> (or <c>-tn</c>), quoted or not.</summary>
    public const string SchtasksTaskName = """(?i)[/-]tn\s+("[^"]*"|[^\s"]+)""";

    /// <summary>Script handlers a webshell is written as.</summary>
    public static IReadOnlyList<string> WebScriptExtensions { get; } = [".aspx", ".ashx", ".asmx"];

    /// <summary>Folders IIS and Exchange serve pages from; captured script files elsewhere are not web pages.</summary>
    public static IReadOnlyList<string> WebRoots { get; } = [@"\inetpub\", @"\frontend\httpproxy\", @"\clientaccess\"];

    /// <summary>Fields that hold a Windows path; a raw-field stack of one compares paths, not strings.</summary>
    public static IReadOnlySet<string> PathFields { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Image", "ParentImage", "ImageLoaded", "TargetFilename", "SourceImage", "TargetImage", "CurrentDirectory",
        "NewProcessName", "ParentProcessName", "ProcessName", "ImagePath", "ServiceFileName", "Application", "Path",
    };

    public static IReadOnlyList<StackPreset> All { get; } =
    [
        new("process", "program images started (Sysmon 1, Security 4688)",
        [
            Source("Sysmon 1 Image", Sysmon, 1, Part("Image")),
            Source("Security 4688 NewProcessName", Security, 4688, Part("NewProcessName")),
        ]),
        new("hash", "file hashes of started programs and loaded modules (Sysmon 1 and 7, one value per algorithm) and of captured files",
        [
            Source("Sysmon 1 Hashes", Sysmon, 1, new StackPart("Hashes", StackNormalizations.Hash, Split: ",")),
            Source("Sysmon 7 Hashes", Sysmon, 7, new StackPart("Hashes", StackNormalizations.Hash, Split: ",")),
            new StackSource
            {
                Name = "captured file SHA-256",
                Table = StackTable.CapturedFiles,
                Parts = [new StackPart("sha256", StackNormalizations.Hash, Prefix: "SHA256=")],
            },
        ]),
        new("service", "services installed, by name and image path (System 7045, Security 4697)",
        [
            Source("System 7045 ServiceName | ImagePath", System, 7045, Name("ServiceName"), Part("ImagePath")),
            Source("Security 4697 ServiceName | ServiceFileName", Security, 4697, Name("ServiceName"), Part("ServiceFileName")),
        ]),
        new("task", "scheduled tasks registered (Security 4698, Task Scheduler 106, schtasks /create in Sysmon 1 and Security 4688)",
        [
            Source("Security 4698 TaskName", Security, 4698, new StackPart("TaskName", StackNormalizations.TaskName)),
            Source("Task Scheduler 106 TaskName", TaskScheduler, 106, new StackPart("TaskName", StackNormalizations.TaskName)),
            Source("Sysmon 1 schtasks /create /tn", Sysmon, 1, new StackPart("CommandLine", StackNormalizations.TaskName, Extract: SchtasksTaskName)) with
            {
                Conditions = [new FieldFilter("Image", @"*\schtasks.exe"), new FieldFilter("CommandLine", "*/create*")],
            },
            Source("Security 4688 schtasks /create /tn", Security, 4688, new StackPart("CommandLine", StackNormalizations.TaskName, Extract: SchtasksTaskName)) with
            {
                Conditions = [new FieldFilter("NewProcessName", @"*\schtasks.exe"), new FieldFilter("CommandLine", "*/create*")],
            },
        ]),
        new("aspx", "script pages written (Sysmon 11) or captured under a web root: .aspx, .ashx, .asmx",
        [
            Source("Sysmon 11 TargetFilename", Sysmon, 11, Part("TargetFilename")) with
            {
                ValuePatterns = [.. WebScriptExtensions.Select(e => "*" + e)],
            },
            new StackSource
            {
                Name = "captured web script",
                Table = StackTable.CapturedFiles,
                Parts = [Part("original_path")],
                ValuePatterns = [.. WebRoots.SelectMany(root => WebScriptExtensions.Select(e => "*" + root + "*" + e))],
            },
        ]),
        new("parent-child", "parent → child program pairs (Sysmon 1, Security 4688)",
        [
            Source("Sysmon 1 ParentImage → Image", Sysmon, 1, Part("ParentImage"), Part("Image")) with { Separator = " → " },
            Source("Security 4688 ParentProcessName → NewProcessName", Security, 4688, Part("ParentProcessName"), Part("NewProcessName")) with { Separator = " → " },
        ]),
        new("user-agent", "HTTP clients (IIS W3C cs(User-Agent), Exchange HttpProxy UserAgent)",
        [
            new StackSource
            {
                Name = "IIS cs(User-Agent)",
                SourceKind = SourceKindNames.Of(Core.SourceKind.IisW3c),
                Parts = [new StackPart("cs(User-Agent)", StackNormalizations.IisUserAgent)],
            },
            new StackSource
            {
                Name = "HttpProxy UserAgent",
                SourceKind = SourceKindNames.Of(Core.SourceKind.ExchangeLog),
                Channel = "HttpProxy",
                Parts = [new StackPart("UserAgent", StackNormalization.None)],
            },
        ]),
        new("logon", "accounts by logon type (Security 4624)",
        [
            Source("Security 4624 TargetUserName | LogonType", Security, 4624, Name("TargetUserName"),
                new StackPart("LogonType", StackNormalization.None, Prefix: "type ")),
        ]),
    ];

    /// <summary>A preset by name (any case); null when the word is not one, and so a raw field name.</summary>
    public static StackPreset? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>A raw field of every event: paths compared as paths (<see cref="PathFields"/>), anything else without regard to case.</summary>
    public static StackSource ForField(string field)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        var normalization = PathFields.Contains(field) ? StackNormalizations.WindowsPath : StackNormalizations.CaseInsensitive;
        return new StackSource { Name = "field " + field, Parts = [new StackPart(field, normalization)] };
    }

    private static StackSource Source(string name, string channel, int eventId, params StackPart[] parts) =>
        new() { Name = name, Channel = channel, EventIds = [eventId], Parts = parts };

    private static StackPart Part(string field) => new(field, StackNormalizations.WindowsPath);

    private static StackPart Name(string field) => new(field, StackNormalizations.CaseInsensitive);
}
