using System.Runtime.InteropServices;

namespace Ooda.Detection.Yara.Internal;

/// <summary>A <c>YR_COMPILER*</c> holding a runtime lease until it is destroyed.</summary>
internal sealed class CompilerHandle : SafeHandle
{
    private CompilerHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    /// <summary>Creates a compiler; the runtime lease is returned if creation fails.</summary>
    public static CompilerHandle Create()
    {
        YaraRuntime.Acquire();
        var rc = LibYara.CompilerCreate(out var compiler);
        if (rc != LibYara.Success)
        {
            YaraRuntime.Release();
            throw new YaraException($"yr_compiler_create failed: {YaraErrors.Describe(rc)}");
        }

        var result = new CompilerHandle();
        result.SetHandle(compiler);
        return result;
    }

    protected override bool ReleaseHandle()
    {
        LibYara.CompilerDestroy(handle);
        YaraRuntime.Release();
        return true;
    }
}
