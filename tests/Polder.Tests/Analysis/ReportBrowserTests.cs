using System.Diagnostics;
using Polder.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Polder.Tests.Analysis;

/// <summary>
/// Loads report.html in a real browser (headless Chromium, from a file:// URL, network off), fails on any console
/// message (the report has no scripts, and its Content-Security-Policy turns any attempted fetch into a console error),
/// and writes a screenshot.
/// </summary>
public class ReportBrowserTests(SampleAnalysisFixture sample, ITestOutputHelper output) : IClassFixture<SampleAnalysisFixture>
{
    [ChromiumFact]
    public void Report_renders_in_chromium_without_console_errors_and_is_screenshotted()
    {
        // first prove that console messages reach us with these flags, so a quiet run means something
        var canary = Path.Combine(sample.Directory, "canary.html");
        File.WriteAllText(canary, "<!DOCTYPE html><html><body><script>console.error('polder-canary')</script></body></html>");
        var (_, canaryLog) = Chromium(canary, Path.Combine(sample.Directory, "canary.png"));
        Assert.Contains(ConsoleLines(canaryLog), l => l.Contains("polder-canary", StringComparison.Ordinal));

        var screenshot = Path.Combine(AppContext.BaseDirectory, "report-screenshot.png");
        File.Delete(screenshot);
        var (code, log) = Chromium(Path.Combine(sample.Directory, "report.html"), screenshot);
        var console = ConsoleLines(log);
        Assert.True(console.Count == 0, "console messages:\n" + string.Join("\n", console));
        Assert.True(code == 0, $"chromium exit {code}:\n{log}");
        var png = File.ReadAllBytes(screenshot);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.True(png.Length > 50_000, $"screenshot of {png.Length} bytes looks empty");
        output.WriteLine("screenshot: " + screenshot);
    }

    private static List<string> ConsoleLines(string log) =>
        log.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal) || l.Contains("Refused to", StringComparison.Ordinal)).ToList();

    private (int Code, string Log) Chromium(string html, string screenshot)
    {
        var profile = Path.Combine(sample.Directory, "chromium-profile-" + Guid.NewGuid().ToString("N"));
        var psi = new ProcessStartInfo(ChromiumFactAttribute.Path)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-background-networking",
            "--enable-logging=stderr", "--v=0", "--hide-scrollbars", "--user-data-dir=" + profile,
            "--window-size=1280,4000", "--virtual-time-budget=5000", "--screenshot=" + screenshot, new Uri(html).AbsoluteUri,
        }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(entireProcessTree: true); throw new TimeoutException("chromium did not finish in 120 s"); }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
