using BenchmarkDotNet.Attributes;
using Polder.Data;
using Polder.Text;
using Polder.Topics;

namespace Polder.Benchmarks;

/// <summary>
/// Prediction speed of the shipped themes model (<see cref="TopicClassifier.Themes"/>), one thread:
/// the 1,675 short posts of samples/community-sample.csv (what <c>polder analyze</c> classifies: µs per post =
/// the mean time / 1,675) from their already tokenised <see cref="TextDocument"/>s and from strings, and the 3,106
/// written questions of ../shared/data/topics/dekamer-2017-jan-may.csv (long texts; questions per second =
/// 3,106 / the mean time). On a loaded machine the build of the benchmark process may time out; run it in process:
/// <c>dotnet run -c Release --project benchmarks/Polder.Benchmarks -- --filter '*TopicClassifier*' --inProcess --launchCount 1 --warmupCount 3 --iterationCount 10</c>.
/// </summary>
[MemoryDiagnoser]
public class TopicClassifierBenchmarks
{
    private string[] _questions = [];
    private string[] _posts = [];
    private TextDocument[] _documents = [];
    private TopicClassifier _model = null!;
    private readonly float[] _probabilities = new float[64];

    /// <summary>Reads the posts and questions and loads the model.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _posts = CsvReader.ReadFileWithHeader(SamplePath("community-sample.csv")).Select(r => r["text"]).ToArray();
        // analyze tokenises every post once for all layers: the documents are built outside the measured loop
        _documents = _posts.Select(TextDocument.Create).ToArray();
        var questions = BenchmarkData.PathOf("topics/dekamer-2017-jan-may.csv");
        _questions = CsvReader.ReadFileWithHeader(questions).Select(r => r["question"]).ToArray();
        _model = TopicClassifier.Themes;
        foreach (var q in _questions.Take(50)) _model.PredictLabel(q); // warm the per-thread buffers
    }

    /// <summary>What analyze does per Dutch post: the best label and its confidence from the post's document.</summary>
    [Benchmark(Baseline = true)]
    public float PredictShortPostDocuments()
    {
        float total = 0;
        foreach (var d in _documents) total += _model.Predict(d, 1).Confidence;
        return total;
    }

    /// <summary>The string shortcut on the same posts (tokenises each).</summary>
    [Benchmark]
    public int PredictLabelShortPostStrings()
    {
        int total = 0;
        foreach (var p in _posts) total += _model.PredictLabel(p).Length;
        return total;
    }

    /// <summary>The best label of every question.</summary>
    [Benchmark]
    public int PredictLabelAllQuestions()
    {
        int total = 0;
        foreach (var q in _questions) total += _model.PredictLabel(q).Length;
        return total;
    }

    /// <summary>All label probabilities of every question (allocation-free).</summary>
    [Benchmark]
    public float PredictProbabilitiesAllQuestions()
    {
        float total = 0;
        foreach (var q in _questions) total += _probabilities[_model.PredictProbabilities(q, _probabilities)];
        return total;
    }

    // samples/ of the repository holding Analysis.sln
    private static string SamplePath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Analysis.sln"))) return Path.Combine(dir.FullName, "samples", name);
        throw new InvalidOperationException($"Analysis.sln not found above {AppContext.BaseDirectory}");
    }
}
