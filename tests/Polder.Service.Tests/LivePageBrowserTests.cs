using System.Diagnostics;
using System.Text.RegularExpressions;
using Polder.Service.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Polder.Service.Tests;

/// <summary>
/// The live page of one community in a real browser (Debian's headless Chromium, as tests/Polder.Tests'
/// ReportBrowserTests drive it): its script fetches the figures from the service and fills the tiles, with no console
/// error, and it follows new posts.
/// </summary>
public class LivePageBrowserTests(MemoryClusterFixture fixture, ITestOutputHelper output) : IClassFixture<MemoryClusterFixture>
{
    [ChromiumFact]
    public async Task The_live_page_shows_the_figures_of_the_community_and_follows_new_posts()
    {
        var posts = TestPosts.Simulate(71, days: 10, prefix: "live/");
        int half = posts.Count / 2;
        await fixture.PostAsync("live", posts.Take(half).ToList());
        var url = new Uri(fixture.Service.Http.BaseAddress!, "communities/live");

        var (dom, log) = await DumpDomAsync(url);
        Assert.True(Console(log).Count == 0, "console messages:\n" + string.Join("\n", Console(log)));
        Assert.Contains("data-state=\"live\"", dom);
        Assert.Equal(half.ToString(), Tile(dom, "posts"));
        var figures = TestPosts.Values(await TestPosts.FiguresAsync(fixture.Service.Http, "communities/live/figures"));
        Assert.Equal(figures["threads"]!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Tile(dom, "threads"));
        Assert.Equal(figures["median_first_response_hours"]!.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), Tile(dom, "median_first_response_hours"));

        await fixture.PostAsync("live", posts.Skip(half).ToList());
        (dom, _) = await DumpDomAsync(url);
        Assert.Equal(posts.Count.ToString(), Tile(dom, "posts"));
        output.WriteLine($"tiles: {Regex.Matches(dom, "class=\"tile\"").Count}; posts {half} then {posts.Count}");
    }

    private static string? Tile(string dom, string key) =>
        Regex.Match(dom, $"<div class=\"tile\" data-key=\"{key}\" data-value=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    private static List<string> Console(string log) =>
        log.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal) || l.Contains("Refused to", StringComparison.Ordinal)).ToList();

    private static async Task<(string Dom, string Log)> DumpDomAsync(Uri url)
    {
        var profile = Path.Combine(Path.GetTempPath(), "polder-chromium-" + Guid.NewGuid().ToString("N"));
        var psi = new ProcessStartInfo(ChromiumFactAttribute.Path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-background-networking",
            "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile, "--virtual-time-budget=3000", "--dump-dom", url.AbsoluteUri,
        }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try { await p.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { p.Kill(entireProcessTree: true); throw new TimeoutException("chromium did not finish in 90 s"); }
        try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        return (await stdout, await stderr);
    }
}
