using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.DotNet.Interactive.Formatting;
using Polder.Analysis;
using Polder.Behaviour;
using Polder.Interactive;
using Polder.Networks;
using Polder.Sentiment;
using Polder.Tests.Analysis;
using Polder.Topics;
using Polder.Prediction.Features;
using Polder.Prediction.Opinion;
using Polder.Prediction.Reaction;

namespace Polder.Tests.Interactive;

/// <summary>
/// The HTML views of Polder.Interactive, through .NET Interactive's <see cref="Formatter"/> as a notebook uses them,
/// on real results: the analysis of the sample community and texts analysed here.
/// </summary>
public sealed partial class PolderFormattersTests(SampleAnalysisFixture sample) : IClassFixture<SampleAnalysisFixture>
{
    private const string Complaint = "Al drie weken ligt het afval naast de container in de Kanaalstraat in Utrecht, wat een schande! Gemeente, doe er wat aan.";

    static PolderFormattersTests() => PolderFormatters.Register();

    private static string Html(object value) => Formatter.ToDisplayString(value, PolderFormatters.MimeType);

    /// <summary>One real value of every type that has a view.</summary>
    private Dictionary<Type, object> Samples()
    {
        var a = sample.Analysis;
        var graph = a.Network!.Graph;
        return new object[]
        {
            a, TextAnalyzer.Default.Analyze(Complaint), a.Network, a.Forecasts!, a.Forecasts!.Activity[0], a.Rhythm!, a.ResponseTimes[0],
            a.Topics, a.Topics[0], a.SentimentTrend,
            BehaviourTables.From(a.Behaviour!).First(t => t.Name == "actors"), a.Behaviour!,
            SentimentAnalyzer.Default.Analyze(Complaint), SentimentAnalyzer.Default.AnalyzeAspects(Complaint).Sentences[0],
            TopicClassifier.Themes.Predict("Wanneer wordt de treinverbinding tussen Gent en Brussel verbeterd?"),
            graph, Leiden.Detect(graph.ToUndirected(), new CommunityOptions { Seed = 1 }),
            ActorTable.Value, Contributions, new OpinionForecast(48.2, 41.7, 52.1),
            new Dictionary<string, OpinionForecast> { ["Avondklok"] = new(66.5, 60.0, 70.4), ["Werkt_thuis"] = new(85.5, 79.0, 89.3) },
            new BacktestResult(3.302, 10512, 0.827),
            new Dictionary<string, BacktestResult> { ["model"] = new(3.302, 10512, 0.827), ["last value"] = new(3.874, 10512, double.NaN) },
            ShareInterval.ForReaders(0.3, 0.1, 5), new Dictionary<string, ShareInterval> { ["group"] = ShareInterval.ForGroup(0.3, 0.1) },
        }.ToDictionary(v => PolderFormatters.Types.First(t => t.IsInstanceOfType(v)));
    }

    /// <summary>The actor table of the sample's first four weeks: wider and longer than the view shows.</summary>
    private static readonly Lazy<FeatureTable> ActorTable = new(() =>
    {
        var (community, _) = CommunityAnalyzer.Default.Load(SampleCommunity.Open(), SampleCommunity.SourceName, ".csv");
        var from = community.Posts.Min(p => p.Time);
        return ActorFeatureTable.Build(community, from, from.AddDays(28));
    });

    private static readonly FeatureContribution[] Contributions =
        [new("offset_mean_last3", -18.7, -7.043), new("offset_last_x_se", -15.1, 1.903), new("national_change_last", -8.2, -0.978), new("text:huur", 0.12, 0)];

    [Fact]
    public void Every_result_type_gets_well_formed_polder_html()
    {
        var samples = Samples();
        Assert.Equal(PolderFormatters.Types.OrderBy(t => t.FullName), samples.Keys.OrderBy(t => t.FullName)); // no view left untested
        foreach (var (type, value) in samples)
        {
            var html = Html(value);
            Assert.True(html.Contains("<div class=\"polder polder-", StringComparison.Ordinal), $"{type.Name}: not a Polder view:\n{html[..Math.Min(400, html.Length)]}");
            Assert.Equal(PolderFormatters.ToHtml(value), html);
            var parsed = XElement.Parse("<root>" + html + "</root>"); // balanced, quoted, encoded: parses as XML
            Assert.NotEmpty(parsed.Descendants());
        }
    }

    [Fact]
    public void Text_analysis_highlights_the_deciding_words_and_keeps_the_text()
    {
        var a = TextAnalyzer.Default.Analyze(Complaint);
        var html = Html(a);
        Assert.NotNull(a.Sentiment);
        Assert.NotEmpty(a.Sentiment.Contributions);
        var marks = MarkRegex().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();
        Assert.Equal(a.Sentiment.Contributions.Select(c => c.Text), marks);
        var text = TextDivRegex().Match(html);
        Assert.True(text.Success);
        Assert.Equal(a.Text, WebUtility.HtmlDecode(TagRegex().Replace(text.Groups[1].Value, "")));
        Assert.Contains($">{a.SentimentLabel}</span>", html);
        Assert.Contains(WebUtility.HtmlEncode(a.Topic!), html);
        Assert.All(a.Places, p => Assert.Contains(WebUtility.HtmlEncode(p.Name), html));
    }

    [Fact]
    public void Text_is_encoded_not_injected()
    {
        var a = TextAnalyzer.Default.Analyze("<script>alert('slecht')</script> wat een slechte service & geen antwoord");
        var html = Html(a);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        XElement.Parse("<root>" + html + "</root>");
    }

    [Fact]
    public void Community_analysis_shows_every_key_figure_and_every_layer()
    {
        var a = sample.Analysis;
        var html = Html(a);
        foreach (var k in a.KeyFigures)
            Assert.Contains($"data-key=\"{k.Key}\" data-value=\"{Polder.Analysis.Reporting.SummaryJson.Format(k.Value)}\"><b>{WebUtility.HtmlEncode(k.Display)}</b>", html);
        foreach (var section in new[] { "Topics", "Complaint categories", "Behaviour and webcare", "Activity rhythm", "Interaction network", "Forecasts" })
            Assert.Contains($">{section}</h3>", html);
        Assert.All(a.Topics.Take(15), t => Assert.Contains($"<td>{WebUtility.HtmlEncode(t.Topic)}</td>", html));
    }

    [Fact]
    public void Network_drawing_has_one_circle_per_drawn_actor()
    {
        var n = sample.Analysis.Network!;
        var html = Html(n);
        Assert.Equal(n.Actors.Count(x => x.IsDrawn), Regex.Count(html, "<circle "));
        Assert.InRange(Regex.Count(html, "<line "), 1, n.Links.Count);
        Assert.Contains($"<td>{WebUtility.HtmlEncode(n.Actors[0].ActorId)}</td>", html);
    }

    [Fact]
    public void Tables_show_every_column_and_the_first_rows()
    {
        var table = BehaviourTables.From(sample.Analysis.Behaviour!).First(t => t.Name == "actors");
        var html = Html(table);
        Assert.All(table.Columns, c => Assert.Contains($">{c.Name}</th>", html));
        int shown = Math.Min(table.Rows.Count, 25);
        Assert.Equal(shown + 1, Regex.Count(html, "<tr>")); // the header row and the rows shown
        if (table.Rows.Count > shown) Assert.Contains($"… {table.Rows.Count - shown:N0} more rows", html);
    }

    [Fact]
    public void Topic_bars_and_forecasts_follow_the_values()
    {
        var p = TopicClassifier.Themes.Predict("Wanneer wordt de treinverbinding tussen Gent en Brussel verbeterd?");
        var html = Html(p);
        var widths = BarWidthRegex().Matches(html).Select(m => int.Parse(m.Groups[1].Value)).ToArray();
        Assert.Equal(p.Top.Count, widths.Length);
        Assert.Equal(widths.OrderDescending(), widths); // best first, longest bar
        Assert.Equal((int)Math.Round(p.Top[0].Value * 220), widths[0]);

        var f = sample.Analysis.Forecasts!;
        var fh = Html(f);
        Assert.All(f.Activity, a => Assert.Contains($"<td>{WebUtility.HtmlEncode(a.Topic)}</td>", fh));
    }

    private const int MaxRows = 25, MaxFeatures = 30; // FeatureTableView's limits

    [Fact]
    public void Feature_tables_show_the_keys_and_first_features_and_name_the_rest()
    {
        var table = ActorTable.Value;
        Assert.True(table.RowCount > MaxRows && table.FeatureCount > MaxFeatures, "the sample table should be cut both ways");
        var html = Html(table);
        Assert.Contains($"({table.RowCount:N0} rows × {table.KeyNames.Count} keys + {table.FeatureCount} features)", html);
        Assert.All(table.KeyNames, k => Assert.Contains($"<th>{k}</th>", html));
        Assert.All(table.Names.Take(MaxFeatures), n => Assert.Contains($"<th class=\"n\">{WebUtility.HtmlEncode(n)}</th>", html));
        Assert.Equal(MaxRows + 1, Regex.Count(html, "<tr>"));
        Assert.Contains($"… {table.RowCount - MaxRows} more rows", html);
        Assert.Contains($"… {table.FeatureCount - MaxFeatures} more features: {WebUtility.HtmlEncode(string.Join(", ", table.Names.Skip(MaxFeatures)))}", html);
        Assert.Contains($"<td>{table.Key(0, "ActorId")}</td>", html);
        // a missing value (NaN) shows as a dash, not "NaN"
        Assert.DoesNotContain("NaN", html);
        Assert.Contains(">–</td>", html);
    }

    [Fact]
    public void Contributions_are_signed_bars_on_one_scale_with_their_sum()
    {
        var html = Html(Contributions);
        var bars = SignedBarRegex().Matches(html).Select(m => (Left: int.Parse(m.Groups[1].Value), Width: int.Parse(m.Groups[2].Value), Colour: m.Groups[3].Value)).ToArray();
        Assert.Equal(Contributions.Length, bars.Length);
        double max = Contributions.Max(c => Math.Abs(c.Contribution));
        for (int i = 0; i < bars.Length; i++)
        {
            var c = Contributions[i].Contribution;
            Assert.Equal((int)Math.Round(Math.Abs(c) / max * 120), bars[i].Width);
            Assert.Equal(c < 0 ? 120 - bars[i].Width : 120, bars[i].Left); // negative to the left of zero, positive to the right
            if (c != 0) Assert.Equal(c < 0 ? "#c0392b" : "#1e8449", bars[i].Colour);
        }
        Assert.Contains(">+1.903</td>", html);
        Assert.Contains($"sum of the 4 contributions: {Contributions.Sum(c => c.Contribution):N3}", html);
    }

    [Fact]
    public void Opinion_forecasts_are_drawn_in_percentage_points_and_share_intervals_as_shares()
    {
        // an opinion forecast is in percentage points: 48.2 of 100 on a 220-pixel track, its interval 41.7 … 52.1
        var f = Html(new OpinionForecast(48.2, 41.7, 52.1));
        Assert.Contains("<b>48.2</b>", f);
        Assert.Contains("left:92px;width:23px", f);     // 41.7 → 92 px, 52.1 → 115 px
        Assert.Contains("left:105px;width:2px", f);     // the value's mark at 106 px
        var s = Html(new ShareInterval(0.2, 0.6, 0.84));
        Assert.Contains("<b>20.0% … 60.0%</b>", s);
        Assert.Contains("(holds 84.0%)", s);
        Assert.Contains("left:44px;width:88px", s);
        Assert.DoesNotContain("width:2px", s);          // an interval without a point has no mark
        var named = Html(new Dictionary<string, ShareInterval> { ["links"] = new(0.1, 0.5, 0.8), ["rechts"] = new(0, 0.4, 0.9) });
        Assert.Contains("<td>links</td>", named);
        Assert.Contains("<td>rechts</td>", named);
        var backtest = Html(new Dictionary<string, BacktestResult> { ["model"] = new(3.3, 100, 0.83), ["last value"] = new(3.9, 100, double.NaN) });
        Assert.Equal([(int)Math.Round(3.3 / 3.9 * 160), 160], BarWidthRegex().Matches(backtest).Select(m => int.Parse(m.Groups[1].Value)));
        Assert.Contains("83.0%", backtest);
        Assert.DoesNotContain("wave ", backtest);          // hand-built results have no per-wave scores
        var byWave = Html(new Dictionary<string, BacktestResult>
        {
            ["model"] = new(3.0, 20, 0.8) { ByWave = [new(5, 10, 2.5, 0.9), new(6, 10, 3.5, 0.7)] },
            ["last value"] = new(4.0, 10, double.NaN) { ByWave = [new(6, 10, 4.0, double.NaN)] },
        });
        Assert.Contains("<th class=\"n\">wave 5</th><th class=\"n\">wave 6</th>", byWave);
        Assert.Contains("<td class=\"n\">2.500</td><td class=\"n\">3.500</td>", byWave);
        Assert.Contains("<td class=\"n\">–</td><td class=\"n\">4.000</td>", byWave);
    }

    [GeneratedRegex("<span style=\"position:absolute;left:(\\d+)px;width:(\\d+)px;height:11px;background:(#[0-9a-f]{6})\"></span><span style=\"position:absolute;left:120px;width:1px")]
    private static partial Regex SignedBarRegex();

    [GeneratedRegex("<mark [^>]*>([^<]*)</mark>")]
    private static partial Regex MarkRegex();

    [GeneratedRegex("<div class=\"text\">(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex TextDivRegex();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagRegex();

    [GeneratedRegex("<span class=\"bar\" style=\"width:(\\d+)px")]
    private static partial Regex BarWidthRegex();
}
