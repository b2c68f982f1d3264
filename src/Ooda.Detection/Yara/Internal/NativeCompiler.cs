using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ooda.Core;

namespace Ooda.Detection.Yara.Internal;

/// <summary>
/// One <c>YR_COMPILER</c> with the LOKI/THOR externals defined, includes refused, and libyara's errors and warnings
/// collected per source with line numbers. After an error it can only be disposed (libyara's rule).
/// </summary>
internal sealed unsafe class NativeCompiler : IDisposable
{
    private readonly CompilerHandle _handle;
    private readonly List<Diagnostic> _messages = [];
    private GCHandle _self;
    private string _current = "";

    public NativeCompiler(YaraExternals defaults)
    {
        _handle = CompilerHandle.Create();
        _self = GCHandle.Alloc(this);
        LibYara.CompilerSetCallback(_handle, &OnMessage, GCHandle.ToIntPtr(_self));
        LibYara.CompilerSetIncludeCallback(_handle, &OnInclude, &OnIncludeFree, 0);
        var values = defaults.Values;
        for (var i = 0; i < YaraExternals.Names.Count; i++)
        {
            var rc = LibYara.CompilerDefineStringVariable(_handle, YaraExternals.Names[i], values[i]);
            if (rc != LibYara.Success)
            {
                Dispose();
                throw new YaraException($"defining external '{YaraExternals.Names[i]}' failed: {YaraErrors.Describe(rc)}");
            }
        }
    }

    /// <summary>Messages for the sources added so far.</summary>
    public IReadOnlyList<Diagnostic> Messages => _messages;

    public bool HasErrors { get; private set; }

    /// <summary>Adds one source; returns its messages (errors and warnings).</summary>
    public List<Diagnostic> Add(YaraSource source)
    {
        ObjectDisposedException.ThrowIf(!_self.IsAllocated, this);
        if (HasErrors)
            throw new InvalidOperationException("a compiler that reported errors takes no more sources");
        var first = _messages.Count;
        _current = source.Name;
        var text = new byte[source.Text.Length + 1];
        source.Text.CopyTo(text, 0);
        int errors;
        fixed (byte* p = text)
            errors = LibYara.CompilerAddString(_handle, p, source.Namespace);
        if (errors > 0)
        {
            HasErrors = true;
            if (!_messages.Skip(first).Any(m => m.Severity == DiagnosticSeverity.Error))
                _messages.Add(new Diagnostic(source.Name, "", $"libyara reported {errors} error(s) without a message"));
        }

        return _messages.GetRange(first, _messages.Count - first);
    }

    /// <summary>The compiled rules; the compiler must have no errors.</summary>
    public RulesHandle GetRules()
    {
        if (HasErrors)
            throw new InvalidOperationException("libyara cannot build rules after a compile error");
        return RulesHandle.FromCompiler(_handle);
    }

    public void Dispose()
    {
        _handle.Dispose();
        if (_self.IsAllocated)
            _self.Free();
    }

    private void Record(int level, int line, string message)
    {
        var severity = level == LibYara.ErrorLevelWarning ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
        var location = line > 0 ? line.ToString(CultureInfo.InvariantCulture) : "";
        _messages.Add(new Diagnostic(_current, location, message, severity));
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnMessage(int level, byte* fileName, int line, nint rule, byte* message, nint userData)
    {
        try
        {
            if (GCHandle.FromIntPtr(userData).Target is NativeCompiler compiler)
                compiler.Record(level, line, Marshal.PtrToStringUTF8((nint)message) ?? "");
        }
        catch (Exception)
        {
            // Nothing may unwind into libyara (the runtime would fail fast); a lost message is the lesser harm.
        }
    }

    // Includes are refused: rule folders are compiled file by file, and a rule file must not read other paths.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte* OnInclude(byte* includeName, byte* callingFile, byte* callingNamespace, nint userData) => null;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnIncludeFree(byte* result, nint userData)
    {
    }
}
