using System.Runtime.InteropServices;

namespace Ooda.Detection.Yara.Internal;

/// <summary>A <c>YR_RULES*</c> (owned by us after <c>yr_compiler_get_rules</c>) holding a runtime lease until destroyed.</summary>
internal sealed class RulesHandle : SafeHandle
{
    private RulesHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    /// <summary>Takes the rules a compiler produced.</summary>
    public static RulesHandle FromCompiler(CompilerHandle compiler)
    {
        YaraRuntime.Acquire();
        var rc = LibYara.CompilerGetRules(compiler, out var rules);
        if (rc != LibYara.Success)
        {
            YaraRuntime.Release();
            throw new YaraException($"yr_compiler_get_rules failed: {YaraErrors.Describe(rc)}");
        }

        var result = new RulesHandle();
        result.SetHandle(rules);
        return result;
    }

    protected override bool ReleaseHandle()
    {
        LibYara.RulesDestroy(handle);
        YaraRuntime.Release();
        return true;
    }
}
