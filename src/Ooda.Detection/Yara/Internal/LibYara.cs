using System.Runtime.InteropServices;

namespace Ooda.Detection.Yara.Internal;

/// <summary>
/// The part of the libyara 4.2 C API we call (yara/libyara.h, compiler.h, rules.h, scanner.h), declared from the headers.
/// The library name is resolved by <see cref="YaraRuntime"/> to <c>libyara.so.9</c> or <c>libyara.so</c>.
/// </summary>
internal static unsafe partial class LibYara
{
    public const string LibraryName = "yara";

    /// <summary>error.h: ERROR_SUCCESS.</summary>
    public const int Success = 0;

    /// <summary>compiler.h: YARA_ERROR_LEVEL_WARNING (0 is an error).</summary>
    public const int ErrorLevelWarning = 1;

    /// <summary>rules.h: CALLBACK_MSG_RULE_MATCHING.</summary>
    public const int MessageRuleMatching = 1;

    /// <summary>rules.h: CALLBACK_MSG_TOO_MANY_MATCHES.</summary>
    public const int MessageTooManyMatches = 6;

    /// <summary>rules.h: CALLBACK_CONTINUE.</summary>
    public const int CallbackContinue = 0;

    /// <summary>rules.h: CALLBACK_ERROR.</summary>
    public const int CallbackError = 2;

    /// <summary>scan.h: SCAN_FLAGS_REPORT_RULES_MATCHING.</summary>
    public const int ScanFlagsReportRulesMatching = 8;

    [LibraryImport(LibraryName, EntryPoint = "yr_initialize")]
    public static partial int Initialize();

    [LibraryImport(LibraryName, EntryPoint = "yr_finalize")]
    public static partial int FinalizeLibrary();

    [LibraryImport(LibraryName, EntryPoint = "yr_compiler_create")]
    public static partial int CompilerCreate(out nint compiler);

    [LibraryImport(LibraryName, EntryPoint = "yr_compiler_destroy")]
    public static partial void CompilerDestroy(nint compiler);

    /// <summary>callback: void (*)(int error_level, const char* file_name, int line_number, const YR_RULE* rule, const char* message, void* user_data).</summary>
    [LibraryImport(LibraryName, EntryPoint = "yr_compiler_set_callback")]
    public static partial void CompilerSetCallback(
        CompilerHandle compiler,
        delegate* unmanaged[Cdecl]<int, byte*, int, nint, byte*, nint, void> callback,
        nint userData);

    /// <summary>include_callback returns the included text or null; include_free releases what it returned.</summary>
    [LibraryImport(LibraryName, EntryPoint = "yr_compiler_set_include_callback")]
    public static partial void CompilerSetIncludeCallback(
        CompilerHandle compiler,
        delegate* unmanaged[Cdecl]<byte*, byte*, byte*, nint, byte*> includeCallback,
        delegate* unmanaged[Cdecl]<byte*, nint, void> includeFree,
        nint userData);

    /// <summary>Returns the number of errors found in <paramref name="rulesString"/> (a NUL-terminated buffer).</summary>
    [LibraryImport(LibraryName, EntryPoint = "yr_compiler_add_string", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int CompilerAddString(CompilerHandle compiler, byte* rulesString, string? ruleNamespace);

    [LibraryImport(LibraryName, EntryPoint = "yr_compiler_define_string_variable", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int CompilerDefineStringVariable(CompilerHandle compiler, string identifier, string value);

    [LibraryImport(LibraryName, EntryPoint = "yr_compiler_get_rules")]
    public static partial int CompilerGetRules(CompilerHandle compiler, out nint rules);

    [LibraryImport(LibraryName, EntryPoint = "yr_rules_destroy")]
    public static partial int RulesDestroy(nint rules);

    [LibraryImport(LibraryName, EntryPoint = "yr_scanner_create")]
    public static partial int ScannerCreate(RulesHandle rules, out nint scanner);

    [LibraryImport(LibraryName, EntryPoint = "yr_scanner_destroy")]
    public static partial void ScannerDestroy(nint scanner);

    /// <summary>callback: int (*)(YR_SCAN_CONTEXT* context, int message, void* message_data, void* user_data).</summary>
    [LibraryImport(LibraryName, EntryPoint = "yr_scanner_set_callback")]
    public static partial void ScannerSetCallback(
        ScannerHandle scanner,
        delegate* unmanaged[Cdecl]<nint, int, nint, nint, int> callback,
        nint userData);

    /// <summary>The timeout is in whole seconds.</summary>
    [LibraryImport(LibraryName, EntryPoint = "yr_scanner_set_timeout")]
    public static partial void ScannerSetTimeout(ScannerHandle scanner, int timeoutSeconds);

    [LibraryImport(LibraryName, EntryPoint = "yr_scanner_set_flags")]
    public static partial void ScannerSetFlags(ScannerHandle scanner, int flags);

    [LibraryImport(LibraryName, EntryPoint = "yr_scanner_define_string_variable", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ScannerDefineStringVariable(ScannerHandle scanner, string identifier, string value);

    [LibraryImport(LibraryName, EntryPoint = "yr_scanner_scan_mem")]
    public static partial int ScannerScanMem(ScannerHandle scanner, byte* buffer, nuint bufferSize);

    [LibraryImport(LibraryName, EntryPoint = "yr_scanner_scan_file", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ScannerScanFile(ScannerHandle scanner, string fileName);
}
