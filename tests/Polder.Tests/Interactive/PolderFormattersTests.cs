using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.DotNet.Interactive.Formatting;
using Polder.Analysis;
using Polder.Behaviour;
using Polder.Interactive;
using Polder.Networks;
using Polder.Prediction;
using Polder.Sentiment;
using Polder.Tests.Analysis;
using Polder.Topics;

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
            graph, Leiden.Detect(graph.ToUndirected(), new CommunityOptions { Seed = 1 }), new OpinionForecast(0.42, 0.31, 0.55),
        }.ToDictionary(v => PolderFormatters.Types.First(t => t.IsInstanceOfType(v)));
    }

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
        Assert.NotEmpty(a.Sentiment.Contributions);
        var marks = MarkRegex().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();
        Assert.Equal(a.Sentiment.Contributions.Select(c => c.Text), marks);
        var text = TextDivRegex().Match(html);
        Assert.True(text.Success);
        Assert.Equal(a.Text, WebUtility.HtmlDecode(TagRegex().Replace(text.Groups[1].Value, "")));
        Assert.Contains($">{a.SentimentLabel}</span>", html);
        Assert.Contains(WebUtility.HtmlEncode(a.Topic), html);
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
            Assert.Contains($"data-key=\"{k.Key}\"><b>{WebUtility.HtmlEncode(k.Display)}</b>", html);
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

    [GeneratedRegex("<mark [^>]*>([^<]*)</mark>")]
    private static partial Regex MarkRegex();

    [GeneratedRegex("<div class=\"text\">(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex TextDivRegex();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagRegex();

    [GeneratedRegex("<span class=\"bar\" style=\"width:(\\d+)px")]
    private static partial Regex BarWidthRegex();
}
