using BenchmarkDotNet.Attributes;
using Polder.Text;
using LuceneDutchStemmer = Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer;

namespace Polder.Benchmarks;

/// <summary>
/// Stems every distinct lower-cased word of ../shared/data/text/nl-mixed-corpus.txt (letters only, as the
/// stemmer tests extract them) with Polder's <see cref="DutchStemmer"/> and with Lucene.Net's Snowball port.
/// </summary>
[MemoryDiagnoser]
public class StemmerBenchmarks
{
    private string[] _words = [];
    private readonly char[] _buffer = new char[1024];
    private readonly LuceneDutchStemmer _lucene = new();

    /// <summary>Reads the corpus and collects its distinct words.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string text = File.ReadAllText(BenchmarkData.PathOf("text/nl-mixed-corpus.txt"));
        var words = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < text.Length;)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            if (i - start <= _buffer.Length) words.Add(text.Substring(start, i - start).ToLowerInvariant());
        }
        _words = [.. words];
    }

    /// <summary>Lucene.Net: SetCurrent, Stem, Current (a string per word, as its filters use it).</summary>
    [Benchmark(Baseline = true)]
    public int Lucene()
    {
        int total = 0;
        foreach (var w in _words)
        {
            _lucene.SetCurrent(w);
            _lucene.Stem();
            total += _lucene.Current.Length;
        }
        return total;
    }

    /// <summary>Polder's span API into a reused buffer: no allocation.</summary>
    [Benchmark]
    public int PolderSpan()
    {
        int total = 0;
        var stemmer = DutchStemmer.Default;
        foreach (var w in _words) total += stemmer.Stem(w, _buffer);
        return total;
    }

    /// <summary>Polder's string API: allocates only when the stem differs from the word.</summary>
    [Benchmark]
    public int PolderString()
    {
        int total = 0;
        var stemmer = DutchStemmer.Default;
        foreach (var w in _words) total += stemmer.Stem(w).Length;
        return total;
    }

}
