using Ooda.Testing;

namespace Ooda.Reports.Tests;

public sealed class ChromiumPrinterTests
{
    [Fact]
    public async Task A_missing_chromium_is_a_clear_error_that_says_how_to_install_it()
    {
        using var dir = new TempDirectory();
        var html = dir.File("r.html");
        await File.WriteAllTextAsync(html, "<!DOCTYPE html><p>x</p>");

        var e = await Assert.ThrowsAsync<ChromiumNotFoundException>(() =>
            ChromiumPrinter.PrintPdfAsync(html, dir.File("r.pdf"), new ChromiumOptions { Executable = "/nonexistent/chromium" }));

        Assert.Contains("/nonexistent/chromium does not exist", e.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install chromium", e.Message, StringComparison.Ordinal);
        Assert.Contains("OODA_CHROMIUM", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_hostile_report_prints_to_a_pdf()
    {
        var chromium = Chromium.Require();
        using var dir = new TempDirectory();
        var html = dir.File("r.html");
        await File.WriteAllTextAsync(html, HtmlReport.Render(HostileReport.Build()));

        await ChromiumPrinter.PrintPdfAsync(html, dir.File("r.pdf"), new ChromiumOptions { Executable = chromium });

        var pdf = await File.ReadAllBytesAsync(dir.File("r.pdf"));
        Assert.True(pdf.AsSpan().StartsWith("%PDF-"u8), "not a PDF");
        Assert.True(pdf.Length > 10_000, $"{pdf.Length} bytes is too small for the report");
    }

    [SkippableFact]
    public async Task The_first_page_renders_to_a_png_of_a4_proportions()
    {
        var chromium = Chromium.Require();
        using var dir = new TempDirectory();
        var html = dir.File("r.html");
        await File.WriteAllTextAsync(html, HtmlReport.Render(HostileReport.Build()));

        await ChromiumPrinter.ScreenshotAsync(html, dir.File("r.png"), new ChromiumOptions { Executable = chromium, ScreenshotWidth = 700, ScreenshotHeight = 990 });

        var png = await File.ReadAllBytesAsync(dir.File("r.png"));
        Assert.True(png.AsSpan().StartsWith((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G']), "not a PNG");
        Assert.Equal((700, 990), (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
    }
}
