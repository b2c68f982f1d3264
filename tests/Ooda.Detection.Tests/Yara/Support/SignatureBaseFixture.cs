using System.Diagnostics;
using Ooda.Detection.Yara;
using Ooda.Testing;

namespace Ooda.Detection.Tests.Yara.Support;

/// <summary>signature-base's YARA folder (shared corpus) compiled once for the tests that scan with it.</summary>
public sealed class SignatureBaseFixture : IDisposable
{
    public const string Folder = "signature-base/yara";

    private readonly Lazy<(YaraCompileResult Result, TimeSpan Elapsed)> _compiled = new(() =>
    {
        var folder = Corpus.Require(Folder);
        var watch = Stopwatch.StartNew();
        var result = YaraCompiler.CompileFolder(folder, YaraExternals.None);
        return (result, watch.Elapsed);
    });

    /// <summary>Skips (or fails under CI) when libyara or the corpus is absent.</summary>
    public YaraCompileResult Result
    {
        get
        {
            YaraTest.RequireLibrary();
            Corpus.Require(Folder);
            return _compiled.Value.Result;
        }
    }

    public TimeSpan Elapsed => _compiled.Value.Elapsed;

    public void Dispose()
    {
        if (_compiled.IsValueCreated)
            _compiled.Value.Result.Dispose();
    }
}
