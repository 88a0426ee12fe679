using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Parquet;
using Polder.Analysis.Reporting;
using Polder.Data;

namespace Polder.Tests.Analysis;

/// <summary>The files of <c>polder analyze --out DIR</c>: report sections, key figures equal to summary.json, readable tables.</summary>
public partial class ReportOutputTests(SampleAnalysisFixture sample) : IClassFixture<SampleAnalysisFixture>
{
    private string PathOf(string name) => Path.Combine(sample.Directory, name);

    [GeneratedRegex("<div class=\"figure\" data-key=\"([a-z0-9_]+)\" data-value=\"([^\"]*)\"><span class=\"value\">([^<]*)</span>")]
    private static partial Regex FigureTile();

    [Fact]
    public void Report_has_every_section_and_nothing_external()
    {
        var html = File.ReadAllText(PathOf("report.html"));
        foreach (var id in new[] { "overview", "sentiment", "topics", "response-times", "rhythm", "network", "forecasts", "data-quality" })
            Assert.Contains($"<section id=\"{id}\">", html);
        Assert.Equal(HtmlReport.SectionIds.Count, Regex.Count(html, "<section id="));
        // one chart per section at least, except the overview (tiles) and data quality (no rejected rows)
        foreach (var id in new[] { "sentiment", "topics", "response-times", "rhythm", "network", "forecasts" })
            Assert.Contains("<svg", SectionOf(html, id));
        // self-contained: no scripts, no linked files, no fetches
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("href=\"(?!#)", html); // only links within the page
    }

    private static string SectionOf(string html, string id)
    {
        int start = html.IndexOf($"<section id=\"{id}\">", StringComparison.Ordinal);
        int end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    [Fact]
    public void Key_figures_in_the_report_equal_summary_json()
    {
        var html = File.ReadAllText(PathOf("report.html"));
        var tiles = FigureTile().Matches(html).ToDictionary(m => m.Groups[1].Value, m => (Value: m.Groups[2].Value, Shown: m.Groups[3].Value));
        using var json = JsonDocument.Parse(File.ReadAllBytes(PathOf("summary.json")));
        var figures = json.RootElement.GetProperty("key_figures").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.True(figures.Count >= 20, $"{figures.Count} key figures");
        Assert.Equal(figures.Keys.Order(), tiles.Keys.Order());
        foreach (var (key, value) in figures)
        {
            var tile = tiles[key];
            if (value.ValueKind == JsonValueKind.Null) { Assert.Equal("", tile.Value); continue; }
            Assert.Equal(value.GetDouble(), double.Parse(tile.Value, CultureInfo.InvariantCulture));
        }
        // and the figures are right: checked against the tables written beside them
        Assert.Equal(Rows("posts.csv"), figures["posts"].GetDouble());
        Assert.Equal(1675, figures["posts"].GetDouble());
        Assert.Equal("1.675", tiles["posts"].Shown);
        var org = ReadCsv("organisations.csv").Single();
        Assert.Equal(double.Parse(org["answered"], CultureInfo.InvariantCulture) / double.Parse(org["conversations"], CultureInfo.InvariantCulture), figures["conversations_answered_share"].GetDouble(), 12);
        Assert.Equal(Rows("network_actors.csv"), figures["network_actors"].GetDouble());
        Assert.Equal(ReadCsv("posts.csv").Count(r => r["sentiment"] == "negative") / 1675.0, figures["negative_share"].GetDouble(), 12);
        Assert.Equal(json.RootElement.GetProperty("forecasts").GetProperty("engagement").GetProperty("open_posts").GetArrayLength(), figures["open_posts"].GetDouble());
    }

    [Fact]
    public async Task Every_table_is_written_as_csv_and_parquet_with_the_same_rows()
    {
        string[] tables =
        [
            "summary", "actors", "groups", "organisations", "community_sizes", "windows", "group_windows", "threads", "conversations", "response_bands", "hour_of_week",
            "posts", "topics", "complaints", "sentiment_trend", "response_times", "network_actors", "network_links", "activity_forecasts", "open_posts", "rejected_rows", "key_figures", "alerts",
        ];
        foreach (var t in tables)
        {
            Assert.True(File.Exists(PathOf(t + ".csv")), t + ".csv");
            int csvRows = Rows(t + ".csv");
            await using var s = File.OpenRead(PathOf(t + ".parquet"));
            await using var reader = await ParquetReader.CreateAsync(s);
            long parquetRows = Enumerable.Range(0, reader.RowGroupCount).Sum(g => reader.OpenRowGroupReader(g).RowCount);
            Assert.True(csvRows == parquetRows, $"{t}: {csvRows} CSV rows, {parquetRows} Parquet rows");
        }
        using var json = JsonDocument.Parse(File.ReadAllBytes(PathOf("summary.json")));
        Assert.Equal(1675, Rows("posts.csv"));
        Assert.Equal(168, Rows("hour_of_week.csv"));
        Assert.Equal(json.RootElement.GetProperty("topics").GetArrayLength(), Rows("topics.csv"));
        Assert.Equal(json.RootElement.GetProperty("network").GetProperty("nodes").GetInt32(), Rows("network_actors.csv"));
        Assert.Equal(0, Rows("rejected_rows.csv"));
        Assert.Equal(1675, ReadCsv("topics.csv").Sum(r => int.Parse(r["posts"], CultureInfo.InvariantCulture)));

        // typed Parquet columns: the sentiment scores of the posts table are doubles in [-1, 1]
        await using var ps = File.OpenRead(PathOf("posts.parquet"));
        await using var pr = await ParquetReader.CreateAsync(ps);
        var field = pr.Schema.GetDataFields().Single(f => f.Name == "sentiment_score");
        using var rg = pr.OpenRowGroupReader(0);
        var scores = new double?[rg.RowCount];
        await rg.ReadAsync<double>(field, scores.AsMemory());
        Assert.All(scores, v => Assert.InRange(v!.Value, -1, 1));
    }

    private int Rows(string csv) => ReadCsv(csv).Count;

    private List<IReadOnlyDictionary<string, string>> ReadCsv(string csv) => CsvReader.ReadFileWithHeader(PathOf(csv)).ToList();
}
