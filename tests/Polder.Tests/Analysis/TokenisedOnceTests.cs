using System.Collections.Concurrent;
using Polder.Analysis;
using Polder.Text;

namespace Polder.Tests.Analysis;

/// <summary>The tokenisation probe sees every tokenisation in the process: its tests run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TokenizationProbeCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "tokenization probe (runs alone)";
}

[Collection(TokenizationProbeCollection.Name)]
public class TokenisedOnceTests
{
    [Fact]
    public void Analyze_tokenises_each_distinct_text_exactly_once()
    {
        var analyzer = CommunityAnalyzer.Default;
        var (community, read) = analyzer.Load(SampleCommunity.Open(), SampleCommunity.SourceName, ".csv");
        // the embedded models load lazily and may tokenise their own word lists: load them before counting
        TextAnalyzer.Default.Analyze("Weer een volle container in Utrecht 😡 @gemeente #afval");

        var counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        int total = 0;
        TokenizationProbe.Observer = text =>
        {
            Interlocked.Increment(ref total);
            counts.AddOrUpdate(text.ToString(), 1, static (_, c) => c + 1);
        };
        CommunityAnalysis analysis;
        try { analysis = analyzer.Analyze(community, read, SampleCommunity.SourceName); }
        finally { TokenizationProbe.Observer = null; }

        Assert.Equal(community.Posts.Count, analysis.Posts.Count);
        Assert.True(analysis.Posts.Count(p => p.IsAnalysed) > 1000, "the Dutch layers read the sample");
        // every text is tokenised once, however many posts carry it, and nothing else is tokenised at all
        var groups = community.Posts.GroupBy(p => p.TitleAndText, StringComparer.Ordinal).ToArray();
        Assert.True(groups.Length < community.Posts.Count, "the sample has posts with the same text");
        foreach (var g in groups)
            Assert.True(counts.GetValueOrDefault(g.Key) == 1, $"tokenised {counts.GetValueOrDefault(g.Key)}× for {g.Count()} post(s): {g.Key}");
        Assert.Equal(groups.Length, total);
    }

    [Fact]
    public void A_documents_layers_match_the_components_own_tokenisation()
    {
        const string text = "Dhr. Jansen (@jan_j) meldt: de containers aan de Oudegracht in 's-Hertogenbosch zijn wéér vol!! #afval https://example.org 😡";
        var doc = TextDocument.Create(text);
        Assert.Equal(DutchTokenizer.Default.Tokenize(text), doc.Tokens.ToArray());
        Assert.Equal(SentenceSplitter.Default.Split(text), doc.Sentences.ToArray());
        Assert.Equal(LetterRuns.Of(text), doc.LetterRuns.ToArray());
        for (int i = 0; i < doc.TokenCount; i++)
        {
            var token = doc.TokenText(i).ToString();
            Assert.Equal(token.ToLowerInvariant(), doc.Lower(i).ToString());
            var stem = DutchStemmer.Default.Stem(token.ToLowerInvariant());
            Assert.Equal(stem.Length == 0 ? token.ToLowerInvariant() : stem, doc.Stem(i).ToString());
        }
        Assert.Equal(["@jan_j"], doc.Mentions.ToArray().Select(i => doc.TokenText(i).ToString()));
        Assert.Equal(["#afval"], doc.Hashtags.ToArray().Select(i => doc.TokenText(i).ToString()));
        Assert.Equal(["https://example.org"], doc.Urls.ToArray().Select(i => doc.TokenText(i).ToString()));
    }

    [Theory]
    [InlineData("Weer een volle container in Utrecht 😡")]
    [InlineData("Top geregeld door de gemeente Amersfoort, dank jullie wel! #blij")]
    [InlineData("The bins in Leiden are full again, nobody cares.")]
    [InlineData("Het fietspad bij Rotterdam-Zuid ligt al weken open... echt super hoor 🙄")]
    [InlineData("")]
    public void The_document_overloads_give_what_the_string_overloads_give(string text)
    {
        var a = TextAnalyzer.Default;
        var doc = TextDocument.Create(text);
        Assert.Equal(a.Languages.Identify(text), a.Languages.Identify(doc));
        Assert.Equal(a.Sentiment.Score(text), a.Sentiment.Score(doc));
        Assert.Equal(a.Sentiment.Analyze(text).Contributions, a.Sentiment.Analyze(doc).Contributions);
        Assert.Equal(a.Topics.Predict(text, 3).Top, a.Topics.Predict(doc, 3).Top);
        Assert.Equal(a.Complaints.Classify(text).Category?.Slug, a.Complaints.Classify(doc).Category?.Slug);
        Assert.Equal(a.Places.Find(text).Select(p => (p.Start, p.Name)), a.Places.Find(doc).Select(p => (p.Start, p.Name)));
    }
}
