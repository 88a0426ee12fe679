using Polder.Analysis;
using Polder.Language;
using Polder.Text;
using Polder.Topics;

namespace Polder.Tests.Analysis;

/// <summary>
/// The per-thread word caches (language evidence, stems, complaint patterns) and the sharing of results between posts
/// with the same text change no answer: a thread that has seen every word answers as a fresh thread does.
/// </summary>
public class WordCacheTests
{
    private static string[] SampleTexts()
    {
        var (community, _) = CommunityAnalyzer.Default.Load(SampleCommunity.Open(), SampleCommunity.SourceName, ".csv");
        return community.Posts.Select(p => p.TitleAndText).Distinct(StringComparer.Ordinal).ToArray();
    }

    private static string Answers(string text)
    {
        var doc = TextDocument.Create(text);
        var stems = string.Join(' ', Enumerable.Range(0, doc.TokenCount).Select(i => doc.Stem(i).ToString()));
        var language = LanguageIdentifier.Default.Identify(doc);
        var complaint = ComplaintClassifier.Signalen.Rank(doc).Select(c => $"{c.Category?.Slug}:{c.Score}:{string.Join(',', c.Evidence.Select(e => e.Start))}");
        return $"{stems}|{language.Language}:{language.Confidence:R}|{string.Join(';', complaint)}";
    }

    // Each text on a thread of its own (cold caches) and all texts on one thread (warm: every later text's words seen).
    [Fact]
    public void Warm_and_cold_caches_give_the_same_answers()
    {
        var texts = SampleTexts();
        Assert.True(texts.Length > 400, "the sample's distinct texts");
        var cold = new string[texts.Length];
        for (int i = 0; i < texts.Length; i++)
        {
            int k = i;
            var t = new Thread(() => cold[k] = Answers(texts[k]));
            t.Start();
            t.Join();
        }
        string[] warm = [];
        var w = new Thread(() => warm = texts.Concat(texts).Select(Answers).ToArray());
        w.Start();
        w.Join();
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(cold[i], warm[i]);
            Assert.Equal(cold[i], warm[texts.Length + i]);
        }
        // and the stems are the stemmer's own
        var doc = TextDocument.Create(texts[0]);
        for (int i = 0; i < doc.TokenCount; i++)
        {
            var lower = doc.Lower(i).ToString();
            var stem = DutchStemmer.Default.Stem(lower);
            Assert.Equal(stem.Length == 0 ? lower : stem, doc.Stem(i).ToString());
        }
    }

    [Fact]
    public void Posts_with_the_same_text_get_the_same_analysis()
    {
        var analysis = CommunityAnalyzer.Default.AnalyzeSample();
        var (community, _) = CommunityAnalyzer.Default.Load(SampleCommunity.Open(), SampleCommunity.SourceName, ".csv");
        var textOf = community.Posts.ToDictionary(p => p.Id, p => p.TitleAndText, StringComparer.Ordinal);
        var shared = analysis.Posts.GroupBy(p => textOf[p.PostId], StringComparer.Ordinal).Where(g => g.Count() > 1).ToArray();
        Assert.NotEmpty(shared);
        foreach (var g in shared)
        {
            var first = g.First();
            var alone = TextAnalyzer.Default.Analyze(g.Key);
            foreach (var p in g)
            {
                Assert.Equal((first.Language, first.Sentiment, first.SentimentScore, first.Topic, first.Complaint), (p.Language, p.Sentiment, p.SentimentScore, p.Topic, p.Complaint));
                Assert.Equal(first.Places.Select(x => (x.Start, x.Name)), p.Places.Select(x => (x.Start, x.Name)));
            }
            // each group's answers are its own text's, not another post's
            if (alone.Language != "nl" || first.Language != "nl") continue;
            Assert.Equal((alone.Sentiment!.Score, alone.Topic, alone.Complaint), (first.SentimentScore!.Value, first.Topic, first.Complaint));
            Assert.Equal(alone.Places.Select(x => (x.Start, x.Name)), first.Places.Select(x => (x.Start, x.Name)));
        }
    }
}
