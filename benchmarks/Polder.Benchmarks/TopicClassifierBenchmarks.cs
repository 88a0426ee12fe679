using BenchmarkDotNet.Attributes;
using Polder.Data;
using Polder.Topics;

namespace Polder.Benchmarks;

/// <summary>
/// Prediction speed of the shipped themes model (<see cref="TopicClassifier.Themes"/>) on the 3,106 written
/// questions of ../shared/data/topics/dekamer-2017-jan-may.csv, one thread. Questions per second =
/// 3,106 / the mean time of one operation.
/// </summary>
[MemoryDiagnoser]
public class TopicClassifierBenchmarks
{
    private string[] _questions = [];
    private TopicClassifier _model = null!;
    private readonly float[] _probabilities = new float[64];

    /// <summary>Reads the questions and loads the model.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _questions = CsvReader.ReadFileWithHeader(SharedPath("topics/dekamer-2017-jan-may.csv")).Select(r => r["question"]).ToArray();
        _model = TopicClassifier.Themes;
        foreach (var q in _questions.Take(50)) _model.PredictLabel(q); // warm the per-thread buffers
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

    // ../shared/data beside the folder holding Analysis.sln
    internal static string SharedPath(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Analysis.sln"))) continue;
            var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", relative));
            return File.Exists(path) ? path : throw new FileNotFoundException($"The benchmark needs {path} (../shared/data beside the repository).", path);
        }
        throw new InvalidOperationException($"Analysis.sln not found above {AppContext.BaseDirectory}");
    }
}
