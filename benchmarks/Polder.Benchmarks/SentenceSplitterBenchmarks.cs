using BenchmarkDotNet.Attributes;
using Polder.Text;

namespace Polder.Benchmarks;

/// <summary>Tokenising plus sentence splitting all of nl-mixed-corpus.txt per operation (span API, caller buffers).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class SentenceSplitterBenchmarks
{
    private string[] _docs = [];
    private Token[] _tokens = [];
    private Sentence[] _sentences = [];

    [GlobalSetup]
    public void Setup()
    {
        _docs = BenchmarkData.MixedCorpus();
        int max = _docs.Max(d => d.Length) + 1;
        _tokens = new Token[max];
        _sentences = new Sentence[max];
    }

    /// <summary>Tokens and sentences of every document.</summary>
    [Benchmark]
    public long TokenizeAndSplit()
    {
        long n = 0;
        foreach (var d in _docs)
        {
            int nt = DutchTokenizer.Default.Tokenize(d, _tokens);
            n += SentenceSplitter.Default.Split(d, _tokens.AsSpan(0, nt), _sentences);
        }
        return n;
    }
}
