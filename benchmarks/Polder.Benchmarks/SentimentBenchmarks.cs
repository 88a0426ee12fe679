using BenchmarkDotNet.Attributes;
using Polder.Sentiment;

namespace Polder.Benchmarks;

/// <summary>
/// Zero-shot sentiment scoring of ../shared/data/text/nl-mixed-corpus.txt on one thread: every document, and the
/// tweet-sized ones (at most 280 characters). Divide the document count by the mean time for documents per second.
/// </summary>
[MemoryDiagnoser]
public class SentimentBenchmarks
{
    private string[] _documents = [];
    private string[] _tweets = [];
    private readonly float[] _features = new float[SentimentFeatures.Count];
    private SentimentAnalyzer _analyzer = SentimentAnalyzer.Default;

    /// <summary>Reads the corpus and warms the analyser (loads the embedded lexicon).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _documents = File.ReadAllLines(BenchmarkData.PathOf("text/nl-mixed-corpus.txt"));
        _tweets = _documents.Where(d => d.Length is > 0 and <= 280).ToArray();
        _analyzer = SentimentAnalyzer.Default;
        _analyzer.Score("warm");
        Console.WriteLine($"// {_documents.Length} documents, {_tweets.Length} tweet-sized (<= 280 chars)");
    }

    /// <summary>Score (label threshold input) of every tweet-sized document: the allocation-free path.</summary>
    [Benchmark(Baseline = true)]
    public double ScoreTweetSized()
    {
        double sum = 0;
        foreach (var t in _tweets) sum += _analyzer.Score(t);
        return sum;
    }

    /// <summary>Score of every document of the corpus (news articles and answers are long).</summary>
    [Benchmark]
    public double ScoreAllDocuments()
    {
        double sum = 0;
        foreach (var t in _documents) sum += _analyzer.Score(t);
        return sum;
    }

    /// <summary>Full result with contributing tokens (allocates the result) for every tweet-sized document.</summary>
    [Benchmark]
    public int AnalyzeTweetSized()
    {
        int n = 0;
        foreach (var t in _tweets) n += _analyzer.Analyze(t).Contributions.Count;
        return n;
    }

    /// <summary>The learner's lexicon and rule features of every tweet-sized document.</summary>
    [Benchmark]
    public float FeaturesTweetSized()
    {
        float sum = 0;
        foreach (var t in _tweets) { _analyzer.GetFeatures(t, _features); sum += _features[0]; }
        return sum;
    }

}
