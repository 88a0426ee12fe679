using System.Diagnostics;
using System.Text.RegularExpressions;
using Polder.Analysis;
using Polder.Analysis.Reporting;
using Polder.Behaviour;
using Polder.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Polder.Tests.Analysis;

/// <summary>
/// The trend, alert and forecast sections of the sample, tweets and reddit reports, rendered by headless Chromium into
/// screenshots in the test output (bin/…/report-trends-*.png), and checked in the HTML: no empty chart, no point drawn
/// from a window below the minimum, a time axis with year ticks on reddit's 129 months.
/// </summary>
public class TrendReportBrowserTests(ITestOutputHelper output)
{
    public static TheoryData<string> Sources => new() { "sample", "community/political-tweets-2020-04.tsv", "community/reddit-emory-messages.csv" };

    [Theory]
    [MemberData(nameof(Sources))]
    public void Trend_sections_render_with_no_empty_chart_and_no_spike_from_a_small_window(string source)
    {
        if (!File.Exists(ChromiumFactAttribute.Path)) { output.WriteLine($"skipped: needs {ChromiumFactAttribute.Path}"); return; }
        if (source != "sample" && !SharedData.Has(source)) { output.WriteLine($"skipped: needs ../shared/data/{source}"); return; }
        var a = source == "sample" ? CommunityAnalyzer.Default.AnalyzeSample() : new CommunityAnalyzer(new AnalysisOptions()).AnalyzeFile(SharedData.PathOf(source));
        var html = HtmlReport.Render(a);
        string name = source == "sample" ? "sample" : Path.GetFileNameWithoutExtension(source);

        // every drawn sentiment point has at least the minimum of posts
        foreach (Match m in Regex.Matches(html, @"<title>[^<]*: netto [^<]*\((?:95 %[^;]*; )?(\d+) berichten"))
            Assert.True(int.Parse(m.Groups[1].Value) >= TrendWindows.MinPosts, m.Value);
        // no chart without marks: every svg has a drawn shape
        foreach (Match svg in Regex.Matches(html, "<svg .*?</svg>", RegexOptions.Singleline))
            Assert.Matches("<(rect|circle|path|polygon|line)", svg.Value);
        // no zero-width bars
        Assert.DoesNotMatch("<rect [^>]*width=\"0\"[^>]*fill=\"#cbd2d9\"", html);
        if (name.StartsWith("reddit", StringComparison.Ordinal))
        {
            Assert.Contains("laatste 24 van 129 periodes", html);
            Assert.Equal(TimeWindow.Month, a.TrendWindow);
        }

        var dir = Path.Combine(AppContext.BaseDirectory, "report-trends");
        Directory.CreateDirectory(dir);
        foreach (var id in new[] { "sentiment", "alerts", "forecasts" })
        {
            var section = Regex.Match(html, $"<section id=\"{id}\">.*?</section>", RegexOptions.Singleline).Value;
            Assert.NotEmpty(section);
            var page = Path.Combine(dir, $"{name}-{id}.html");
            File.WriteAllText(page, html[..(html.IndexOf("<body>", StringComparison.Ordinal) + 6)] + "<main class=\"wrap\">" + section + "</main></body></html>");
            var png = Path.Combine(dir, $"{name}-{id}.png");
            File.Delete(png);
            Screenshot(page, png, dir);
            Assert.True(new FileInfo(png).Length > 10_000, png);
            output.WriteLine("screenshot: " + png);
        }
    }

    private static void Screenshot(string html, string png, string dir)
    {
        var psi = new ProcessStartInfo(ChromiumFactAttribute.Path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-background-networking", "--hide-scrollbars",
            "--user-data-dir=" + Path.Combine(dir, "profile-" + Guid.NewGuid().ToString("N")), "--window-size=1100,1500", "--screenshot=" + png, new Uri(html).AbsoluteUri,
        }) psi.ArgumentList.Add(arg);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        _ = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(entireProcessTree: true); throw new TimeoutException("chromium did not finish in 120 s"); }
        Assert.True(p.ExitCode == 0, err.Result);
    }
}
