using System.Text.RegularExpressions;
using Polder.Cli;
using Polder.Service.Tests.Infrastructure;

namespace Polder.Service.Tests;

/// <summary><c>polder serve</c>: one command, nothing else needed (localhost clustering, state in memory).</summary>
public class ServeCommandTests
{
    [Fact]
    public async Task Polder_serve_ingests_a_file_and_answers_over_http_with_one_command()
    {
        var dir = Directory.CreateTempSubdirectory("polder-serve-").FullName;
        try
        {
            var posts = TestPosts.Simulate(81, days: 4, prefix: "");
            var file = Path.Combine(dir, "posts.jsonl");
            await File.WriteAllBytesAsync(file, TestPosts.JsonLines(posts));
            int port = Loopback.FreePort();
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var run = Task.Run(() => CommandRouter.Run(
                ["serve", "--port", port.ToString(), "--silo-port", Loopback.FreePort().ToString(), "--gateway-port", Loopback.FreePort().ToString(),
                 "--ingest", "gemeente=" + file, "--for", "8"], TextReader.Null, TextWriter.Synchronized(stdout), stderr));
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            string? figures = null;
            for (int i = 0; i < 60 && figures is null && !run.IsCompleted; i++)
            {
                await Task.Delay(100);
                try
                {
                    var f = await http.GetStringAsync("communities/gemeente/figures");
                    if (f.Contains($"\"posts\":{posts.Count},", StringComparison.Ordinal)) figures = f;
                }
                catch (HttpRequestException) { }
            }
            Assert.True(figures is not null, $"no figures; stdout: {stdout}; stderr: {stderr}");
            Assert.Equal(0, await run);
            Assert.Matches(new Regex($"posts.jsonl -> gemeente: {posts.Count:N0} posts added"), stdout.ToString());
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
