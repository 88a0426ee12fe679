using System.IO.Compression;
using Polder.Analysis;
using Polder.Community.Reading;

namespace Polder.Tests.Analysis;

/// <summary>The mistakes a new user makes raise one exception type, PolderInputException, naming file, line and field.</summary>
public class AnalysisErrorTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "polder-errors-" + Guid.NewGuid().ToString("N"));

    public AnalysisErrorTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    private string Write(string name, string content)
    {
        var p = Path.Combine(_dir, name);
        File.WriteAllText(p, content);
        return p;
    }

    private static readonly AnalysisOptions BehaviourOnly = new() { Layers = AnalysisLayers.Behaviour };

    [Fact]
    public void Missing_file()
    {
        var path = Path.Combine(_dir, "nope.csv");
        var e = Assert.Throws<PolderInputException>(() => CommunityAnalyzer.Default.AnalyzeFile(path));
        Assert.Equal(path, e.File);
        Assert.Contains("file not found", e.Message);
    }

    [Fact]
    public void A_directory_instead_of_a_file()
    {
        var e = Assert.Throws<PolderInputException>(() => CommunityAnalyzer.Default.AnalyzeFile(_dir));
        Assert.Contains("directory", e.Message);
    }

    [Fact]
    public void Unknown_column_names_the_missing_field()
    {
        // a Polder CSV whose time column is called "datum"
        var path = Write("posts.csv", "id,thread_id,parent_id,author,author_name,role,organisation_type,municipality,neighbourhood,datum,kind,likes,shares,channel,text\n"
            + "p1,p1,,a,,citizen,,,,2024-01-01T10:00:00+01:00,post,0,0,twitter,hallo\n");
        var e = Assert.Throws<PolderInputException>(() => new CommunityAnalyzer(BehaviourOnly).AnalyzeFile(path));
        Assert.Equal("posts.csv", e.File);
        Assert.Equal("time", e.Field);
        Assert.Contains("time", e.Reason);
    }

    [Fact]
    public void Empty_file_header_only_and_all_rows_rejected()
    {
        var empty = Write("empty.csv", "");
        var e1 = Assert.Throws<PolderInputException>(() => new CommunityAnalyzer(BehaviourOnly).AnalyzeFile(empty));
        Assert.Contains("empty", e1.Message);

        var header = Write("header.csv", string.Join(',', CommunityFormats.PolderCsvColumns) + "\n");
        var e2 = Assert.Throws<PolderInputException>(() => new CommunityAnalyzer(BehaviourOnly).AnalyzeFile(header));
        Assert.Contains("no posts", e2.Message);

        var bad = Write("bad.csv", "message_id,thread_id,parent_id,author,created,upvotes,title,text\nm1,m1,,a,gisteren,1,,x\nm2,m1,m1,b,morgen,1,,y\n");
        var e3 = Assert.Throws<PolderInputException>(() => new CommunityAnalyzer(BehaviourOnly).AnalyzeFile(bad));
        Assert.Equal(("bad.csv", 2L, "created"), (e3.File, e3.Line!.Value, e3.Field));
        Assert.Contains("all 2 rows were rejected", e3.Message);
    }

    [Fact]
    public void Fail_fast_reports_the_first_bad_row()
    {
        var bad = Write("bad.csv", "message_id,thread_id,parent_id,author,created,upvotes,title,text\nm1,m1,,a,1700000000,1,,x\nm2,m1,m1,b,morgen,1,,y\n");
        var options = BehaviourOnly with { Read = ReadOptions.Default with { Policy = ReadPolicy.FailFast } };
        var e = Assert.Throws<PolderInputException>(() => new CommunityAnalyzer(options).AnalyzeFile(bad));
        Assert.Equal((3L, "created"), (e.Line!.Value, e.Field));
        Assert.StartsWith("bad.csv:3: field 'created':", e.Message);
    }

    [Theory]
    [InlineData("damaged.parquet")]
    [InlineData("damaged.jsonl")]
    public void Damaged_files_of_other_formats(string name)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, [0x50, 0x41, 0x52, 0x31, 0x00, 0xff, 0x13, 0x37, 0x00, 0x00, 0x50, 0x41, 0x52, 0x31]);
        var e = Assert.Throws<PolderInputException>(() => new CommunityAnalyzer(BehaviourOnly).AnalyzeFile(path));
        Assert.Equal(name, e.File);
    }

    [Fact]
    public void Wrong_or_corrupt_model_file()
    {
        var missing = Assert.Throws<PolderInputException>(() => ModelFiles.LoadTopicClassifier(Path.Combine(_dir, "none.model")));
        Assert.Contains("not found", missing.Message);

        var text = Write("model.txt", "this is not a model");
        Assert.Contains("not a valid Polder topic model", Assert.Throws<PolderInputException>(() => ModelFiles.LoadTopicClassifier(text)).Message);

        var gz = Path.Combine(_dir, "other.model"); // gzip, but not ours
        using (var s = new GZipStream(File.Create(gz), CompressionLevel.Fastest)) s.Write("POLDER-SOMETHING-ELSE"u8);
        Assert.Equal(gz, Assert.Throws<PolderInputException>(() => ModelFiles.LoadTopicClassifier(gz)).File);

        var truncated = Path.Combine(_dir, "truncated.model"); // the shipped model cut short
        var full = Path.Combine(Polder.Tests.Infrastructure.SharedData.RepoRoot, "models", "themes-dekamer.model");
        var bytes = File.ReadAllBytes(full);
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 3)]);
        Assert.Contains("not a valid Polder topic model", Assert.Throws<PolderInputException>(() => ModelFiles.LoadTopicClassifier(truncated)).Message);
        Assert.NotNull(ModelFiles.LoadTopicClassifier(full)); // and the intact file loads
    }
}
