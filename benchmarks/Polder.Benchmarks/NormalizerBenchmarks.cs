using BenchmarkDotNet.Attributes;
using Polder.Text;

namespace Polder.Benchmarks;

/// <summary>
/// Normalises every letter run of ../shared/data/text/nl-mixed-corpus.txt, in its original case, as a word
/// token: Polder's <see cref="TextNormalizer"/> (default options, and with diacritic folding) against plain
/// <see cref="string.ToLowerInvariant()"/> per word.
/// </summary>
[MemoryDiagnoser]
public class NormalizerBenchmarks
{
    private string[] _words = [];
    private readonly char[] _buffer = new char[2048];
    private readonly TextNormalizer _default = TextNormalizer.Default;
    private readonly TextNormalizer _folding = new(NormalizerOptions.Default with { FoldDiacritics = true });

    /// <summary>Reads the corpus and cuts it into letter runs (the first 500,000, duplicates kept).</summary>
    [GlobalSetup]
    public void Setup()
    {
        string text = File.ReadAllText(BenchmarkData.PathOf("text/nl-mixed-corpus.txt"));
        var words = new List<string>();
        for (int i = 0; i < text.Length && words.Count < 500_000;)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            if (i - start <= _buffer.Length / 2) words.Add(text.Substring(start, i - start));
        }
        _words = [.. words];
    }

    /// <summary>The naive way: one lower-cased string per word.</summary>
    [Benchmark(Baseline = true)]
    public int ToLowerInvariant()
    {
        int total = 0;
        foreach (var w in _words) total += w.ToLowerInvariant().Length;
        return total;
    }

    /// <summary>Lower-casing and elongation squashing into a reused buffer.</summary>
    [Benchmark]
    public int PolderDefault()
    {
        int total = 0;
        foreach (var w in _words) total += _default.Normalize(w, TokenKind.Word, _buffer);
        return total;
    }

    /// <summary>As <see cref="PolderDefault"/>, plus diacritic folding.</summary>
    [Benchmark]
    public int PolderFolding()
    {
        int total = 0;
        foreach (var w in _words) total += _folding.Normalize(w, TokenKind.Word, _buffer);
        return total;
    }
}
