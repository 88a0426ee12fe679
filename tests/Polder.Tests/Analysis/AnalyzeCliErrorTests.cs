using Polder.Tests.Infrastructure;

namespace Polder.Tests.Analysis;

/// <summary><c>polder analyze</c> answers a user's mistake with one line on stderr and a non-zero exit code, never a stack trace.</summary>
public class AnalyzeCliErrorTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "polder-cli-errors-" + Guid.NewGuid().ToString("N"));

    public AnalyzeCliErrorTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    private string Write(string name, string content)
    {
        var p = Path.Combine(_dir, name);
        File.WriteAllText(p, content);
        return p;
    }

    private static string OneLineError(int expectedCode, params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run("", args);
        Assert.Equal(expectedCode, code);
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("   at ", stdout);
        Assert.DoesNotContain("Exception", stderr);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("polder analyze: ", lines[0]);
        return lines[0];
    }

    [Fact]
    public void Missing_file() =>
        Assert.Contains("file not found: " + Path.Combine(_dir, "nope.csv"), OneLineError(2, "analyze", Path.Combine(_dir, "nope.csv")));

    [Fact]
    public void Unknown_column()
    {
        var path = Write("posts.csv", "id,author,datum,text\np1,a,2024-01-01T10:00:00+01:00,hallo\n");
        var line = OneLineError(1, "analyze", path, "--format", "polder");
        Assert.Matches("posts\\.csv:1: field '[a-z_]+': missing column '[a-z_]+' \\(header has: id, author, datum, text\\)", line);
    }

    [Fact]
    public void Empty_input()
    {
        Assert.Contains("the file is empty", OneLineError(1, "analyze", Write("empty.csv", "")));
        Assert.Contains("no posts", OneLineError(1, "analyze", Write("header.csv", "id,thread_id,parent_id,author,author_name,role,organisation_type,municipality,neighbourhood,time,kind,likes,shares,channel,text\n")));
    }

    [Fact]
    public void Wrong_model_file()
    {
        var model = Write("themes.model", "not a model at all");
        var line = OneLineError(1, "analyze", "--topic-model", model);
        Assert.Contains("themes.model: not a valid Polder topic model", line);
    }

    [Fact]
    public void Bad_options()
    {
        Assert.Contains("--trend-window", OneLineError(2, "analyze", "--trend-window", "fortnight"));
        Assert.Contains("--seed", OneLineError(2, "analyze", "--seed", "many"));
    }
}
