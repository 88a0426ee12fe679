using BenchmarkDotNet.Attributes;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;
using Microsoft.ML.Tokenizers;
using Polder.Text;
using Token = Polder.Text.Token;

namespace Polder.Benchmarks;

/// <summary>
/// Tokenising all of nl-mixed-corpus.txt (19k documents, 14.4M chars) per operation: Polder against Lucene.Net's
/// StandardTokenizer and Microsoft.ML.Tokenizers' word/non-word pre-tokenizer, in the same run.
/// chars/s = corpus characters / mean time.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class TokenizerBenchmarks
{
    private string[] _docs = [];
    private Token[] _buffer = [];
    private Analyzer _lucene = null!;
    private PreTokenizer _mlWordOrNonWord = null!;

    [GlobalSetup]
    public void Setup()
    {
        _docs = BenchmarkData.MixedCorpus();
        _buffer = new Token[_docs.Max(d => d.Length) + 1];
        _lucene = Analyzer.NewAnonymous((_, reader) => new TokenStreamComponents(new StandardTokenizer(LuceneVersion.LUCENE_48, reader)));
        _mlWordOrNonWord = PreTokenizer.CreateWordOrNonWord();
        Console.WriteLine($"// corpus: {_docs.Length} documents, {_docs.Sum(d => (long)d.Length)} chars");
    }

    [GlobalCleanup]
    public void Cleanup() => _lucene.Dispose();

    /// <summary>Polder, span API into a caller buffer (the allocation-free path).</summary>
    [Benchmark(Baseline = true)]
    public long PolderSpan()
    {
        long n = 0;
        var tokenizer = DutchTokenizer.Default;
        foreach (var d in _docs) n += tokenizer.Tokenize(d, _buffer);
        return n;
    }

    /// <summary>Polder, ref-struct enumerator.</summary>
    [Benchmark]
    public long PolderEnumerator()
    {
        long n = 0;
        var tokenizer = DutchTokenizer.Default;
        foreach (var d in _docs)
            foreach (var t in tokenizer.EnumerateTokens(d)) n += t.Length;
        return n;
    }

    /// <summary>Lucene.Net 4.8 StandardTokenizer (UAX#29), reused per document as Lucene intends.</summary>
    [Benchmark]
    public long LuceneStandardTokenizer()
    {
        long n = 0;
        foreach (var d in _docs)
        {
            using var ts = _lucene.GetTokenStream("f", d);
            ts.Reset();
            while (ts.IncrementToken()) n++;
            ts.End();
        }
        return n;
    }

    /// <summary>Microsoft.ML.Tokenizers 2.0.1 pre-tokenizer (regex \w+|[^\w\s]+), offsets only.</summary>
    [Benchmark]
    public long MlTokenizersWordOrNonWord()
    {
        long n = 0;
        foreach (var d in _docs)
            foreach (var (offset, length) in _mlWordOrNonWord.PreTokenize(d.AsSpan())) n += length > 0 ? 1 : 0;
        return n;
    }
}
