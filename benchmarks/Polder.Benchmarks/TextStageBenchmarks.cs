using BenchmarkDotNet.Attributes;
using Polder.Analysis;
using Polder.Community.Simulation;
using Polder.Text;

namespace Polder.Benchmarks;

/// <summary>
/// The text layer of <c>polder analyze</c> stage by stage, on one thread, over a fixed sample of
/// <see cref="TextStageBenchmark.Posts"/> posts: the first posts of a simulated community (seed 2024, as the 1M-post
/// run) or of the politicians' tweets (../shared/data/community/political-tweets-2020-04.tsv). Each operation is one
/// post, so posts/s = 1e9 / Mean (ns). Documents are built (with every lazy layer: sentences, lower case, stems,
/// letter runs, mention index) in the setup, so each stage's figure is its own cost; <see cref="DocumentStageBenchmarks"/>
/// measures building them. Every post is analysed here, also those the pipeline skips (another language) or shares
/// (the same text as an earlier post).
/// </summary>
[MemoryDiagnoser]
public abstract class TextStageBenchmark
{
    /// <summary>Posts per operation batch (the sample size).</summary>
    public const int Posts = 2000;

    /// <summary>"simulated" or "mp-tweets".</summary>
    [Params("simulated", "mp-tweets")]
    public string Corpus { get; set; } = "simulated";

    /// <summary>The sample's texts.</summary>
    protected string[] Texts { get; private set; } = [];

    /// <summary>The sample's documents, every layer built.</summary>
    protected TextDocument[] Documents { get; private set; } = [];

    /// <summary>The analysers with the embedded models.</summary>
    protected TextAnalyzer Analyzer { get; } = TextAnalyzer.Default;

    /// <summary>Reads the sample and builds its documents.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Texts = SampleTexts(Corpus);
        Documents = Texts.Select(Build).ToArray();
        Analyzer.Analyze("Weer een volle container in Utrecht 😡 @gemeente #afval"); // load every model
    }

    /// <summary>Runs <paramref name="stage"/> on every document of the sample (a delegate call per post: a few ns).</summary>
    protected double Each(Func<TextDocument, double> stage)
    {
        double sum = 0;
        foreach (var d in Documents) sum += stage(d);
        return sum;
    }

    /// <summary>A document with every lazy layer computed.</summary>
    protected static TextDocument Build(string text)
    {
        var d = TextDocument.Create(text);
        _ = d.Sentences.Length + d.LetterRuns.Length + d.Mentions.Length;
        for (int i = 0; i < d.TokenCount; i++) _ = d.Stem(i);
        return d;
    }

    /// <summary>The politicians' tweets under shared/data.</summary>
    public const string TweetsFile = "community/political-tweets-2020-04.tsv";

    /// <summary>The first <see cref="Posts"/> texts of a corpus, as the pipeline reads them (title and text).</summary>
    public static string[] SampleTexts(string corpus) => corpus switch
    {
        "simulated" => CommunitySimulator.Stream(new SimulationOptions { Seed = 2024, Days = 30, ThreadsPerDay = 800, Citizens = 20000 }, out _)
            .Select(r => r.Post.TitleAndText).Take(Posts).ToArray(),
        "mp-tweets" => CommunityAnalyzer.Default.Load(File.OpenRead(BenchmarkData.PathOf(TweetsFile)), TweetsFile, ".tsv").Community.Posts
            .Select(p => p.TitleAndText).Take(Posts).ToArray(),
        _ => throw new ArgumentException("unknown corpus " + corpus),
    };
}

/// <summary>Building a post's <see cref="TextDocument"/>: tokens, sentences, lower case, stems, letter runs, mentions.</summary>
public class DocumentStageBenchmarks : TextStageBenchmark
{
    /// <summary>Builds every document.</summary>
    [Benchmark(OperationsPerInvoke = Posts)]
    public int Document()
    {
        int n = 0;
        foreach (var t in Texts) n += Build(t).TokenCount;
        return n;
    }
}

/// <summary>Language identification from the document's tokens.</summary>
public class LanguageStageBenchmarks : TextStageBenchmark
{
    /// <summary>Identifies every post.</summary>
    [Benchmark(OperationsPerInvoke = Posts)]
    public double Language() => Each(d => Analyzer.Languages.Identify(d).Confidence);
}

/// <summary>Lexicon sentiment score (what the pipeline keeps per post).</summary>
public class SentimentStageBenchmarks : TextStageBenchmark
{
    /// <summary>Scores every post.</summary>
    [Benchmark(OperationsPerInvoke = Posts)]
    public double Sentiment() => Each(Analyzer.Sentiment.Score);
}

/// <summary>Signalen complaint category with its evidence (as the pipeline asks it).</summary>
public class ComplaintStageBenchmarks : TextStageBenchmark
{
    /// <summary>Classifies every post.</summary>
    [Benchmark(OperationsPerInvoke = Posts)]
    public double Complaints() => Each(d => Analyzer.ComplaintWithEvidence(d).Evidence.Count);
}

/// <summary>Dutch places with their evidence.</summary>
public class PlaceStageBenchmarks : TextStageBenchmark
{
    /// <summary>Finds the places of every post.</summary>
    [Benchmark(OperationsPerInvoke = Posts)]
    public double Places() => Each(d => Analyzer.Places.Find(d).Count);
}

/// <summary>The themes model's best topic (the topic classifier's cost, owned by its own work).</summary>
public class TopicStageBenchmarks : TextStageBenchmark
{
    /// <summary>Predicts every post's topic.</summary>
    [Benchmark(OperationsPerInvoke = Posts)]
    public double Topics() => Each(d => Analyzer.Topics.Predict(d, 1).Confidence);
}

/// <summary>A quick look at every text stage (not a benchmark): CPU µs per post on one thread, over <c>rounds</c> rounds after ten to warm up.</summary>
public static class QuickTextStages
{
    /// <summary>Prints µs/post and posts/s of each stage on <paramref name="corpus"/>.</summary>
    public static void Run(string corpus, string? only = null, int rounds = 5)
    {
        var stages = new (string Name, TextStageBenchmark Bench, Func<object> Op)[0].ToList();
        void Add(string name, TextStageBenchmark b, Func<object> op)
        {
            if (only is not null && only != name) return;
            b.Corpus = corpus; b.Setup(); stages.Add((name, b, op));
        }
        var doc = new DocumentStageBenchmarks(); Add("document", doc, () => doc.Document());
        var lang = new LanguageStageBenchmarks(); Add("language", lang, () => lang.Language());
        var sent = new SentimentStageBenchmarks(); Add("sentiment", sent, () => sent.Sentiment());
        var comp = new ComplaintStageBenchmarks(); Add("complaints", comp, () => comp.Complaints());
        var place = new PlaceStageBenchmarks(); Add("places", place, () => place.Places());
        var topic = new TopicStageBenchmarks(); Add("topics", topic, () => topic.Topics());
        var process = System.Diagnostics.Process.GetCurrentProcess();
        foreach (var (name, _, op) in stages)
        {
            // warm up (tiered JIT), then the process's CPU time over the rounds: a loaded machine stretches the wall
            // time of a thread that waits for a core, not its CPU time
            for (int r = 0; r < 10; r++) op();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var sw = System.Diagnostics.Stopwatch.StartNew();
            for (int r = 0; r < rounds; r++) op();
            double wall = sw.Elapsed.TotalMicroseconds / rounds / TextStageBenchmark.Posts;
            process.Refresh();
            double best = (process.TotalProcessorTime - cpu).TotalMicroseconds / rounds / TextStageBenchmark.Posts;
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{corpus,-10} {name,-11} {best,8:F2} CPU µs/post {1e6 / best,12:N0} posts/CPU-s  (wall {wall:F2} µs/post)"));
        }
    }
}
