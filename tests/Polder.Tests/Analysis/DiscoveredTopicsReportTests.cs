using System.Text.Json;
using Polder.Analysis.Reporting;

namespace Polder.Tests.Analysis;

/// <summary>The report and summary.json lead with the community's own topics; the themes model is shown only where it applies.</summary>
public class DiscoveredTopicsReportTests(SampleAnalysisFixture sample) : IClassFixture<SampleAnalysisFixture>
{
    [Fact]
    public void Summary_json_leads_with_discovered_topics_with_sentiment_intervals()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(sample.Directory, "summary.json")));
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.True(names.IndexOf("discovered_topics") < names.IndexOf("key_figures"), "discovered topics come before the key figures");
        var topics = json.RootElement.GetProperty("discovered_topics").EnumerateArray().ToArray();
        Assert.InRange(topics.Length, 5, 20);
        Assert.Equal(sample.Analysis.DiscoveredTopics.Sum(t => t.Topic.Size), topics.Sum(t => t.GetProperty("size").GetInt32()));
        foreach (var t in topics)
        {
            Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("label").GetString()));
            Assert.NotEmpty(t.GetProperty("examples").EnumerateArray());
            var neg = t.GetProperty("negative_share");
            int n = neg.GetProperty("n").GetInt32();
            Assert.Equal(t.GetProperty("posts_with_sentiment").GetInt32(), n);
            if (n == 0) continue;
            double value = neg.GetProperty("value").GetDouble(), low = neg.GetProperty("low").GetDouble(), high = neg.GetProperty("high").GetDouble();
            Assert.InRange(value, low, high);
            Assert.True(Math.Abs((double)t.GetProperty("negative").GetInt32() / n - value) <= 1e-4, $"negative share {value}");
        }
        // the sample is a municipal community: the themes model (parliamentary questions) does not apply, and says so
        var themes = json.RootElement.GetProperty("theme_model");
        Assert.False(themes.GetProperty("applies").GetBoolean());
        Assert.True(themes.GetProperty("mean_confidence").GetDouble() < 0.4);
    }

    [Fact]
    public void Report_opens_with_waar_gaat_het_over_and_hides_the_themes_chart()
    {
        var html = File.ReadAllText(Path.Combine(sample.Directory, "report.html"));
        int discovered = html.IndexOf("<section id=\"discovered-topics\">", StringComparison.Ordinal);
        Assert.True(discovered >= 0 && discovered < html.IndexOf("<section id=\"overview\">", StringComparison.Ordinal));
        Assert.Contains("Waar gaat het over", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(sample.Analysis.DiscoveredTopics[0].Topic.Label), html);
        Assert.Contains("Het themamodel past niet op deze berichten", html);
        Assert.DoesNotContain("Berichten per onderwerp, naar sentiment", html);
        Assert.Contains(AnalysisTables.From(sample.Analysis), t => t.Name == "discovered_topics" && t.Rows.Count == sample.Analysis.DiscoveredTopics.Count);
    }

    [Fact]
    public void Wilson_interval_matches_a_hand_computation()
    {
        // 3 of 10 at 95%: 0.1078 – 0.6032 (Wilson 1927; e.g. statsmodels proportion_confint method="wilson")
        var w = Polder.Analysis.WilsonInterval.Of(3, 10);
        Assert.Equal(0.1078, w.Lower, 4);
        Assert.Equal(0.6032, w.Upper, 4);
        Assert.True(double.IsNaN(Polder.Analysis.WilsonInterval.Of(0, 0).Lower) && double.IsNaN(Polder.Analysis.WilsonInterval.Of(0, 0).Upper));   // no posts: no interval
    }
}
