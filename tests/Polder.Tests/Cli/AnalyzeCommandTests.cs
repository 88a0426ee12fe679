using Parquet;
using Parquet.Schema;
using Polder.Cli;
using Polder.Tests.Infrastructure;

namespace Polder.Tests.Cli;

public class AnalyzeCommandTests
{
    private static (int code, string stdout, string stderr) Run(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = CommandRouter.Run(args, new StringReader(""), o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public async Task Analyze_without_a_file_uses_the_embedded_sample_and_writes_csv_and_parquet_tables()
    {
        var dir = Path.Combine(Path.GetTempPath(), "polder-analyze-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, stdout, stderr) = Run("analyze", "--out", dir);
            Assert.True(code == 0, stderr);
            Assert.Contains("community-sample.csv (embedded)", stdout);
            Assert.Contains("1,675 / 1,675 / 0", stdout);
            foreach (var t in new[] { "summary", "actors", "groups", "organisations", "community_sizes", "windows", "group_windows", "threads", "conversations", "response_bands", "hour_of_week" })
            {
                Assert.True(File.Exists(Path.Combine(dir, t + ".csv")), t);
                Assert.True(File.Exists(Path.Combine(dir, t + ".parquet")), t);
            }
            var summary = File.ReadAllLines(Path.Combine(dir, "summary.csv"));
            Assert.Contains("posts,1675", summary);
            using var s = File.OpenRead(Path.Combine(dir, "hour_of_week.parquet"));
            await using var reader = await ParquetReader.CreateAsync(s);
            var field = reader.Schema.GetDataFields().Single(f => f.Name == "posts");
            using var rg = reader.OpenRowGroupReader(0);
            var values = new long?[168];
            await rg.ReadAsync<long>(field, values.AsMemory());
            Assert.Equal(1675, values.Sum(v => v!.Value));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void Shipped_sample_is_the_simulator_output_for_seed_42()
    {
        var file = Path.Combine(Path.GetTempPath(), "polder-sim-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            var (code, stdout, stderr) = Run("simulate", "--seed", "42", "--days", "60", "--out", file);
            Assert.True(code == 0, stderr);
            Assert.Contains("1,675 posts", stdout);
            Assert.Equal(File.ReadAllBytes(Path.Combine(SharedData.RepoRoot, "samples", "community-sample.csv")), File.ReadAllBytes(file));
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void Usage_errors_are_reported()
    {
        Assert.Equal(2, Run("analyze", "/nonexistent/file.csv").code);
        Assert.Equal(2, Run("analyze", "--window", "decade").code);
        Assert.Equal(2, Run("simulate", "--seed", "1").code); // --out missing
        var (code, _, err) = Run("analyze", "--format", "unknown");
        Assert.Equal(2, code);
        Assert.Contains("unknown format", err);
    }

    [Fact]
    public void Fail_fast_policy_exits_with_the_first_issue()
    {
        var file = Path.Combine(Path.GetTempPath(), "polder-bad-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            File.WriteAllText(file, "message_id,thread_id,parent_id,author,created,upvotes,title,text\nm1,m1,,a,gisteren,1,,x\n");
            var (code, _, err) = Run("analyze", file, "--policy", "fail");
            Assert.Equal(1, code);
            Assert.Contains(":2: field 'created': bad date 'gisteren'", err);
            // skip-and-report leaves no post at all: one clear error instead of an empty report
            var (code2, _, err2) = Run("analyze", file);
            Assert.Equal(1, code2);
            Assert.Contains(":2: field 'created': no usable posts: all 1 rows were rejected (first: bad date 'gisteren'", err2);
        }
        finally { File.Delete(file); }
    }
}
