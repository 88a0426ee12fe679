using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Parquet;
using Polder.Analysis;
using Polder.Analysis.Reporting;
using Polder.Cli;
using Polder.Community.Reading;
using Polder.Interactive;
using Polder.Networks;
using Polder.Tests.Infrastructure;

namespace Polder.Tests.Analysis;

/// <summary>
/// One definition per figure (issue 17): every key figure has the same value in the analysis object, summary.json, the
/// report's tiles, the key_figures table (CSV and Parquet), the behaviour summary table, the notebook view and the CLI
/// (run in-process, which analyses the input again and writes its own folder). Group numbers and the rule for empty and
/// deleted authors are checked on the same outputs.
/// </summary>
public class FigureAgreementTests
{
    private const string Reddit = "community/reddit-emory-messages.csv", Tweets = "community/political-tweets-2020-04.tsv";

    [Fact]
    public Task Sample_figures_agree_in_every_output() => Check(null, null);

    [SharedDataFact(Reddit)]
    public Task Reddit_figures_agree_in_every_output() => Check(SharedData.PathOf(Reddit), "reddit");

    [SharedDataFact(Tweets)]
    public Task Tweets_figures_agree_in_every_output() => Check(SharedData.PathOf(Tweets), "political-tweets");

    private static async Task Check(string? file, string? format)
    {
        var root = Directory.CreateTempSubdirectory("polder-figures-");
        try
        {
            // the analysis object and its outputs
            var options = new AnalysisOptions { Mapping = format is null ? null : CommunityFormats.ByName(format) };
            var analyzer = new CommunityAnalyzer(options);
            var a = file is null ? analyzer.AnalyzeSample() : analyzer.AnalyzeFile(file);
            var dir = Path.Combine(root.FullName, "lib");
            AnalysisOutput.WriteAll(a, dir);
            var figures = a.KeyFigures;
            Assert.Equal(figures.Count, figures.Select(f => f.Key).Distinct().Count());
            Assert.Contains(figures, f => f.Key == "conversations_answered_share");
            Assert.DoesNotContain(figures, f => f.Key == "answered_share");

            // the CLI, in-process, with its own output folder
            var cliDir = Path.Combine(root.FullName, "cli");
            var args = new List<string> { "analyze", "--out", cliDir };
            if (file is not null) args.InsertRange(1, [file, "--format", format!]);
            var o = new StringWriter(); var e = new StringWriter();
            Assert.True(CommandRouter.Run(args.ToArray(), new StringReader(""), o, e) == 0, e.ToString());
            var stdout = o.ToString();

            foreach (var folder in new[] { dir, cliDir })
            {
                var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json"))).RootElement.GetProperty("key_figures");
                Assert.Equal(figures.Select(f => f.Key), json.EnumerateObject().Select(p => p.Name));
                foreach (var f in figures) Same(f, json.GetProperty(f.Key).ValueKind == JsonValueKind.Null ? double.NaN : json.GetProperty(f.Key).GetDouble(), folder + "/summary.json");

                var tiles = DataValues(File.ReadAllText(Path.Combine(folder, "report.html")));
                Assert.Equal(figures.Select(f => f.Key), tiles.Select(t => t.Key));
                foreach (var (key, value) in tiles) Assert.True(SummaryJson.Format(Figure(figures, key).Value) == value, $"report tile {key}: {value}");

                var csv = Csv(Path.Combine(folder, "key_figures.csv"));
                Assert.Equal(figures.Select(f => f.Key), csv.Select(r => r["key"]));
                foreach (var r in csv)
                {
                    var f = Figure(figures, r["key"]);
                    Assert.Equal(f.Label, r["label"]);
                    Same(f, r["value"] == "" ? double.NaN : double.Parse(r["value"], CultureInfo.InvariantCulture), "key_figures.csv");
                }

                using var stream = File.OpenRead(Path.Combine(folder, "key_figures.parquet"));
                await using var parquet = await ParquetReader.CreateAsync(stream);
                using var group = parquet.OpenRowGroupReader(0);
                var fields = parquet.Schema.GetDataFields();
                var keys = new string?[group.RowCount];
                var values = new double?[group.RowCount];
                await group.ReadAsync(fields.Single(x => x.Name == "key"), keys.AsMemory());
                await group.ReadAsync<double>(fields.Single(x => x.Name == "value"), values.AsMemory());
                Assert.Equal(figures.Select(f => f.Key), keys);
                for (int i = 0; i < keys.Length; i++) Same(Figure(figures, keys[i]!), values[i] ?? double.NaN, "key_figures.parquet");

                // the behaviour summary table carries the same figures under the same names
                var summary = Csv(Path.Combine(folder, "summary.csv")).ToDictionary(r => r["metric"], r => r["value"] == "" ? double.NaN : double.Parse(r["value"], CultureInfo.InvariantCulture));
                foreach (var key in new[] { "posts", "active_actors", "threads", "conversations", "conversations_answered_share", "inbound_answered_share", "organisation_inbound_answered_share" })
                    if (a.Figure(key) is { } f) Same(f, summary[key], "summary.csv " + key);

                // the organisations table adds up to the organisations' figure
                var orgs = Csv(Path.Combine(folder, "organisations.csv"));
                if (a.Figure("organisation_inbound_answered_share") is { } orgShare)
                {
                    double inbound = orgs.Sum(r => double.Parse(r["inbound"], CultureInfo.InvariantCulture));
                    double answered = orgs.Where(r => r["response_rate"] != "").Sum(r => double.Parse(r["inbound"], CultureInfo.InvariantCulture) * double.Parse(r["response_rate"], CultureInfo.InvariantCulture));
                    Assert.Equal(orgShare.Value, answered / inbound, 9);
                }
                else Assert.Empty(orgs);
            }

            // the notebook view shows the same figures
            var notebook = PolderFormatters.ToHtml(a);
            var kpis = DataValues(notebook);
            Assert.Equal(figures.Select(f => f.Key), kpis.Select(t => t.Key));
            foreach (var (key, value) in kpis) Assert.True(SummaryJson.Format(Figure(figures, key).Value) == value, $"notebook {key}: {value}");

            // the CLI prints the shares of the key figures, and the counts
            foreach (var key in new[] { "conversations_answered_share", "inbound_answered_share", "organisation_inbound_answered_share" })
                if (a.Figure(key) is { } f && !double.IsNaN(f.Value))
                    Assert.Contains((100 * f.Value).ToString("0.0", CultureInfo.InvariantCulture) + "%", stdout);
            var behaviour = a.Behaviour!;
            Assert.Contains($"{behaviour.Actors.ToString("N0", CultureInfo.InvariantCulture)} ({Figure(figures, "active_actors").Value.ToString("N0", CultureInfo.InvariantCulture)})", stdout);
            Assert.Contains(Figure(figures, "posts").Value.ToString("N0", CultureInfo.InvariantCulture), stdout);
            Assert.Contains($"{Figure(figures, "network_actors").Value.ToString("N0", CultureInfo.InvariantCulture)} / {Figure(figures, "network_links").Value.ToString("N0", CultureInfo.InvariantCulture)} / {Figure(figures, "network_communities").Value.ToString(CultureInfo.InvariantCulture)}", stdout);

            // one numbering of groups: 1 … communities in the table, the JSON, the report and the notebook
            var net = a.Network!;
            var actorsCsv = Csv(Path.Combine(dir, "network_actors.csv"));
            var groupOf = actorsCsv.ToDictionary(r => r["actor"], r => int.Parse(r["community"], CultureInfo.InvariantCulture), StringComparer.Ordinal);
            Assert.Equal(1, groupOf.Values.Min());
            Assert.Equal(net.Communities, groupOf.Values.Max());
            var report = File.ReadAllText(Path.Combine(dir, "report.html"));
            var top = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json"))).RootElement.GetProperty("network").GetProperty("top_actors");
            foreach (var x in top.EnumerateArray())
            {
                var id = x.GetProperty("actor").GetString()!;
                int group = x.GetProperty("community").GetInt32();
                Assert.Equal(groupOf[id], group);
                Assert.Equal(net.Actors.Single(y => y.ActorId == id).Group, group);
                Assert.Matches($"<td>{Regex.Escape(System.Net.WebUtility.HtmlEncode(id))}</td><td>[^<]*</td><td[^>]*>{group}</td>", report);
            }
            foreach (var x in net.TopActors(10))
                Assert.Matches($"<td>{Regex.Escape(System.Net.WebUtility.HtmlEncode(x.ActorId))}</td><td>[^<]*</td><td><span[^>]*></span> {x.Group}</td>", notebook);

            // empty and deleted authors are no actors: not in the actor tables, the network or the actor counts; their posts stay
            foreach (var table in new[] { "actors.csv", "network_actors.csv" })
                Assert.DoesNotContain(Csv(Path.Combine(dir, table)), r => PostInteractions.IsUnknownAuthor(r["actor"]));
            var actorRows = Csv(Path.Combine(dir, "actors.csv"));
            Assert.Equal(Figure(figures, "active_actors").Value, actorRows.Count(r => long.Parse(r["posts"], CultureInfo.InvariantCulture) > 0));
            Assert.Equal(Figure(figures, "posts").Value, Csv(Path.Combine(dir, "posts.csv")).Count);
        }
        finally
        {
            root.Delete(true);
        }
    }

    private static KeyFigure Figure(IReadOnlyList<KeyFigure> figures, string key) => figures.Single(f => f.Key == key);

    private static void Same(KeyFigure f, double value, string where)
    {
        if (double.IsNaN(f.Value)) Assert.True(double.IsNaN(value), $"{where}: {f.Key} = {value}, expected NaN");
        else Assert.True(f.Value == value, $"{where}: {f.Key} = {value}, expected {f.Value}");
    }

    /// <summary>The (data-key, data-value) pairs of an HTML page, in order.</summary>
    private static List<(string Key, string Value)> DataValues(string html) =>
        Regex.Matches(html, "data-key=\"([^\"]*)\"[^>]*?data-value=\"([^\"]*)\"").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();

    /// <summary>A CSV table as rows keyed by header (RFC 4180 quotes; fields without line breaks).</summary>
    private static List<Dictionary<string, string>> Csv(string path)
    {
        var rows = new List<Dictionary<string, string>>();
        using var reader = new StreamReader(path);
        string[]? header = null;
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        int c;
        void EndField() { fields.Add(field.ToString()); field.Clear(); }
        void EndRow()
        {
            EndField();
            if (header is null) header = fields.ToArray();
            else rows.Add(header.Select((h, i) => (h, v: i < fields.Count ? fields[i] : "")).ToDictionary(x => x.h, x => x.v));
            fields.Clear();
        }
        bool any = false;
        while ((c = reader.Read()) >= 0)
        {
            char ch = (char)c;
            any = true;
            if (quoted)
            {
                if (ch == '"') { if (reader.Peek() == '"') { reader.Read(); field.Append('"'); } else quoted = false; }
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') EndField();
            else if (ch == '\r') { }
            else if (ch == '\n') { EndRow(); any = false; }
            else field.Append(ch);
        }
        if (any) EndRow();
        return rows;
    }
}
