using Polder.Sentiment;
using Polder.Tests.Infrastructure;

namespace Polder.Tests.Sentiment;

/// <summary>Invariants of the zero-shot analyser: explanations add up, scores stay in range, thread safety, no allocation.</summary>
public class SentimentAnalyzerPropertyTests
{
    private static readonly string[] Handwritten =
    [
        "Wat een prachtige dag!!! 😍",
        "Dit is niet goed, maar wel heel erg mooi.",
        "Het plan klinkt goed. Het is echter slecht uitgewerkt en veel te duur.",
        "Volgens de minister is het \"een succes\". Niemand gelooft dat.",
        "Hoewel het regende, was het een geweldige dag #trots",
        "Is dit een goed plan? Nee. SCHANDALIG!",
        "Geen probleem, graag gedaan :)",
        "",
    ];

    private static IEnumerable<string> Corpus()
    {
        foreach (var t in Handwritten) yield return t;
        if (!SharedData.Has("text/nl-mixed-corpus.txt")) yield break;
        foreach (var line in File.ReadLines(SharedData.PathOf("text/nl-mixed-corpus.txt")).Take(3000)) yield return line;
    }

    [Fact]
    public void ContributionWeightsAddUpToTheScore()
    {
        int checkedTexts = 0;
        foreach (var text in Corpus())
        {
            var r = SentimentAnalyzer.Default.Analyze(text);
            Assert.InRange(r.Score, -1, 1);
            Assert.Equal(r.Score, r.Contributions.Sum(c => c.Weight), 9);
            Assert.Equal(r.Score, SentimentAnalyzer.Default.Score(text), 12);
            Assert.Equal(r.Label, SentimentAnalyzer.Default.LabelOf(r.Score));
            foreach (var c in r.Contributions) Assert.Equal(c.Text, text.Substring(c.Start, c.Length));
            Assert.True(r.Contributions.Zip(r.Contributions.Skip(1)).All(p => p.First.Start <= p.Second.Start));
            checkedTexts++;
        }
        Assert.True(checkedTexts >= Handwritten.Length);
    }

    [Fact]
    public void SentenceAndTargetWeightsAddUpToTheirScores()
    {
        foreach (var text in Handwritten)
        {
            var a = SentimentAnalyzer.Default.AnalyzeAspects(text);
            foreach (var s in a.Sentences) Assert.Equal(s.Score, s.Contributions.Sum(c => c.Weight), 9);
            Assert.Equal(a.Overall.Score, a.Overall.Contributions.Sum(c => c.Weight), 9);
        }
    }

    [Fact]
    public void ConcurrentCallsGiveTheSameScoresAsSequentialOnes()
    {
        var texts = Corpus().Take(2000).ToArray();
        var expected = texts.Select(t => SentimentAnalyzer.Default.Score(t)).ToArray();
        var actual = new double[texts.Length];
        Parallel.For(0, texts.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            int k = i % texts.Length;
            actual[k] = SentimentAnalyzer.Default.Score(texts[k]);
        });
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ScoringDoesNotAllocateAfterWarmUp()
    {
        var a = SentimentAnalyzer.Default;
        var features = new float[SentimentFeatures.Count];
        foreach (var t in Handwritten) { a.Score(t); a.GetFeatures(t, features); }
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int k = 0; k < 100; k++)
            foreach (var t in Handwritten)
            {
                sum += a.Score(t);
                a.GetFeatures(t, features);
            }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(sum != 0);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void FeaturesHaveTheirDocumentedLengthAndScoreFirst()
    {
        Assert.Equal(SentimentFeatures.Count, SentimentFeatures.Names.Count);
        var f = new float[SentimentFeatures.Count];
        SentimentAnalyzer.Default.GetFeatures("Wat een prachtige dag!", f);
        Assert.Equal((float)SentimentAnalyzer.Default.Score("Wat een prachtige dag!"), f[0], 5);
        Assert.True(f[1] > 0);
        Assert.Equal(1, f[10]);
    }

    [Fact]
    public void TheDefaultLexiconIsEmbeddedAndAttributedSourcesAreLoaded()
    {
        var lex = SentimentLexicon.Default;
        Assert.True(lex.Count > 5000, $"{lex.Count} entries");
        Assert.True(lex.TryGetValue("mooi", out var mooi) && mooi > 0);
        Assert.True(lex.TryGetValue("😡", out var angry) && angry < 0);
        Assert.True(lex.TryGetValue("#fail", out var fail) && fail < 0);
        Assert.Equal(SentimentCueKind.Negator, SentimentCueWords.Default.Get("niet").Kind);
        Assert.Equal(SentimentCueKind.ContrastConjunction, SentimentCueWords.Default.Get("maar").Kind);
    }

    [Fact]
    public void MalformedLexiconLinesAreReportedWithTheirLine()
    {
        using var s = new MemoryStream("# comment\nmooi\t0.5\nlelijk\tnope\n"u8.ToArray());
        var e = Assert.Throws<InvalidDataException>(() => SentimentLexicon.Load(s));
        Assert.Contains("line 3", e.Message);
    }

    [Fact]
    public void OptionsChangeTheRules()
    {
        var strict = new SentimentAnalyzer(SentimentOptions.Default with { PositiveThreshold = 0.99 });
        Assert.Equal(SentimentLabel.Neutral, strict.Classify("Mooi."));
        Assert.Equal(SentimentLabel.Positive, SentimentAnalyzer.Default.Classify("Heel mooi."));
        var noBareNegation = new SentimentAnalyzer(SentimentOptions.Default with { BareNegation = 0 });
        Assert.Equal(0, noBareNegation.Score("Dat kan niet."));
    }
}
