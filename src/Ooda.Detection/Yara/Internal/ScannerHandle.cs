using System.Runtime.InteropServices;

namespace Ooda.Detection.Yara.Internal;

/// <summary>
/// A <c>YR_SCANNER*</c> holding a runtime lease; it keeps its rules alive (a scanner reads them) and owns the weak
/// handle the callback finds its managed state through.
/// </summary>
internal sealed class ScannerHandle : SafeHandle
{
    private RulesHandle? _rules;
    private GCHandle _state;

    private ScannerHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    /// <summary>The user_data pointer passed to the scan callback.</summary>
    public nint State => GCHandle.ToIntPtr(_state);

    public static ScannerHandle Create(RulesHandle rules, object state)
    {
        var added = false;
        rules.DangerousAddRef(ref added);
        YaraRuntime.Acquire();
        var rc = LibYara.ScannerCreate(rules, out var scanner);
        if (rc != LibYara.Success)
        {
            YaraRuntime.Release();
            rules.DangerousRelease();
            throw new YaraException($"yr_scanner_create failed: {YaraErrors.Describe(rc)}");
        }

        var result = new ScannerHandle { _rules = rules, _state = GCHandle.Alloc(state, GCHandleType.Weak) };
        result.SetHandle(scanner);
        return result;
    }

    protected override bool ReleaseHandle()
    {
        LibYara.ScannerDestroy(handle);
        if (_state.IsAllocated)
            _state.Free();
        _rules?.DangerousRelease();
        YaraRuntime.Release();
        return true;
    }
}
