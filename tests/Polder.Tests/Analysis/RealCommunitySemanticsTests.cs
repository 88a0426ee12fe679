using Polder.Analysis;
using Polder.Analysis.Reporting;
using Polder.Tests.Infrastructure;

namespace Polder.Tests.Analysis;

/// <summary>
/// The errors of issue 15 as a municipal advisor saw them in the reports of the sample, the April 2020 politicians'
/// tweets and the English reddit community: each is pinned here on the whole analysis, not on a building block.
/// </summary>
public class RealCommunitySemanticsTests(SampleAnalysisFixture sample, RealCommunitiesFixture real)
    : IClassFixture<SampleAnalysisFixture>, IClassFixture<RealCommunitiesFixture>
{
    /// <summary>List hits that were reported as places although they are words, people, parties or foreign countries.</summary>
    private static readonly string[] FalsePlaces = ["Een", "Wie", "Bent", "Heel", "Drie", "Partij", "Polen", "Amerika", "Kaag", "Centrum", "De Hoek", "Dam", "Linde"];

    [Fact]
    public void The_sample_names_no_neighbourhood_or_word_of_its_fictional_town_as_a_Dutch_place()
    {
        // Polderstad is invented: "Centrum" and "De Hoek" are its neighbourhoods, not the hamlets of that name elsewhere
        var a = sample.Analysis;
        var hits = a.Posts.SelectMany(p => p.Places).Select(m => m.Text).ToList();
        Assert.DoesNotContain(hits, h => FalsePlaces.Contains(h, StringComparer.OrdinalIgnoreCase));
        Assert.True(a.Figure("posts_with_places")!.Value <= 5, $"sample: {a.Figure("posts_with_places")!.Value} posts with a place (was 97, all false)");
    }

    [Fact]
    public void The_sample_is_Dutch_and_read_whole_by_the_Dutch_layers()
    {
        var a = sample.Analysis;
        Assert.True(a.AnalysedPosts >= 0.99 * a.Posts.Count, $"{a.AnalysedPosts} of {a.Posts.Count} analysed");
        Assert.Equal("nl", a.Languages[0].Language);
    }

    [SharedDataFact("community/reddit-emory-messages.csv")]
    public void English_reddit_posts_skip_the_Dutch_layers_and_the_report_says_so()
    {
        var a = real.Reddit;
        var en = a.Languages.Single(l => l.Language == "en");
        Assert.True(en.Share >= 0.9, $"English share {en.Share:0.000}");
        Assert.False(en.Analysed);
        // before: 52 % of reddit posts were "BUITENLANDS BELEID" and 22 % had a municipal complaint category
        int withComplaint = a.Posts.Count(p => p.Complaint is not null);
        Assert.True(withComplaint <= 0.01 * a.Posts.Count, $"{withComplaint} of {a.Posts.Count} reddit posts have a complaint category");
        Assert.All(a.Topics, t => Assert.True(t.Posts <= 0.05 * a.Posts.Count, $"{t.Topic}: {t.Posts} of {a.Posts.Count} posts"));
        Assert.All(a.Posts.Where(p => p.Language == "en"), p => Assert.True(p.Sentiment is null && p.Topic is null && p.Complaint is null && p.Places.Count == 0));
        // a post of only a link or an emoji has no words for a topic (the themes model called 39 of 41 such posts BUITENLANDS BELEID)
        Assert.All(a.Posts.Where(p => p.Language == "unknown"), p => Assert.True(p.Topic is null && p.Complaint is null && p.Places.Count == 0));
        Assert.Equal(a.Posts.Count - a.AnalysedPosts, a.Figure("posts_other_language")!.Value);

        // emoji- and link-only posts of an English community do not become its "Dutch" sentiment
        Assert.True(a.AnalysedPosts <= 0.005 * a.Posts.Count, $"{a.AnalysedPosts} reddit posts read by the Dutch layers");
        Assert.Empty(a.SentimentTrend);

        var html = HtmlReport.Render(a);
        Assert.Contains("Geen Nederlandstalige berichten", html);
        Assert.Contains("id=\"languages\"", html);
        Assert.Contains("Engels", html);
        Assert.Contains("niet gelezen door de Nederlandse modellen", html);
        using var json = new MemoryStream();
        SummaryJson.Write(a, json);
        var summary = System.Text.Json.JsonDocument.Parse(json.ToArray()).RootElement.GetProperty("languages");
        Assert.Equal(a.Posts.Count - a.AnalysedPosts, summary.GetProperty("skipped_posts").GetInt32());
    }

    [SharedDataFact("community/political-tweets-2020-04.tsv")]
    public void Politicians_tweets_are_Dutch_and_rarely_a_municipal_complaint()
    {
        var a = real.Tweets;
        Assert.True(a.AnalysedPosts >= 0.9 * a.Posts.Count, $"{a.AnalysedPosts} of {a.Posts.Count} tweets analysed as Dutch");
        // before: 24 % had a Signalen category, 283 of 2,458 "Overlast van dieren" (pensions, corona, a bishop)
        int withComplaint = a.Posts.Count(p => p.Complaint is not null);
        Assert.True(withComplaint <= 0.05 * a.Posts.Count, $"{withComplaint} of {a.Posts.Count} tweets have a complaint category");
        int animals = a.Posts.Count(p => p.Complaint == "Overlast van dieren");
        Assert.True(animals <= 10, $"{animals} tweets are 'Overlast van dieren'");
        Assert.True(a.Figure("complaint_share")!.Value <= 0.05);
    }

    [SharedDataFact("community/political-tweets-2020-04.tsv")]
    public void Politicians_tweets_name_no_word_party_person_or_foreign_country_as_a_Dutch_place()
    {
        var hits = real.Tweets.Posts.SelectMany(p => p.Places).Select(m => m.Text).ToList();
        Assert.DoesNotContain(hits, h => FalsePlaces.Contains(h, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_full_container_is_a_complaint_not_praise()
    {
        // "vol" counted as positive: "De container is weer vol." scored +0.29
        var r = TextAnalyzer.Default.Analyze("De container is weer vol.");
        Assert.Equal("nl", r.Language);
        Assert.Equal("negative", r.SentimentLabel);
    }

    [Fact]
    public void A_text_without_words_gets_emoji_sentiment_but_no_topic()
    {
        var r = TextAnalyzer.Default.Analyze("😡😡 https://t.co/abc123");
        Assert.Equal("unknown", r.Language);
        Assert.True(r.IsAnalysed);
        Assert.Equal("negative", r.SentimentLabel);
        Assert.Null(r.Topic);
        Assert.Null(r.Complaint);
    }

    [Fact]
    public void An_English_text_gets_no_Dutch_labels()
    {
        var r = TextAnalyzer.Default.Analyze("Does anyone know a good place to study near campus? The library is always full.");
        Assert.Equal("en", r.Language);
        Assert.False(r.IsAnalysed);
        Assert.Null(r.Sentiment);
        Assert.Null(r.Topic);
        Assert.Null(r.Complaint);
        Assert.Empty(r.Places);
    }
}

/// <summary>The reddit and politicians' tweets communities analysed once for all tests of a class (null-free only when the data is there).</summary>
public sealed class RealCommunitiesFixture
{
    private readonly Lazy<CommunityAnalysis> _reddit = new(() => Analyze("community/reddit-emory-messages.csv"));
    private readonly Lazy<CommunityAnalysis> _tweets = new(() => Analyze("community/political-tweets-2020-04.tsv"));

    /// <summary>The r/Emory community (English).</summary>
    public CommunityAnalysis Reddit => _reddit.Value;

    /// <summary>Tweets of 164 Dutch politicians, 6–12 April 2020.</summary>
    public CommunityAnalysis Tweets => _tweets.Value;

    private static CommunityAnalysis Analyze(string relative) =>
        new CommunityAnalyzer(new AnalysisOptions { Seed = 42, Layers = AnalysisLayers.Text })
            .AnalyzeFile(SharedData.PathOf(relative), progress: null, cancellationToken: default);
}
