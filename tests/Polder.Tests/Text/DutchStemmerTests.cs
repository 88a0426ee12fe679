using System.Text;
using Polder.Tests.Infrastructure;
using Polder.Text;
using Xunit.Abstractions;
using LuceneDutchStemmer = Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer;

namespace Polder.Tests.Text;

public class DutchStemmerTests(ITestOutputHelper output)
{
    // Pairs from the Snowball Dutch sample vocabulary and the algorithm description, worked by hand.
    [Theory]
    [InlineData("lichamelijk", "licham")]
    [InlineData("lichamelijke", "licham")]
    [InlineData("lichamelijkheden", "licham")]
    [InlineData("lichamen", "licham")]
    [InlineData("lichere", "licher")]
    [InlineData("licht", "licht")]
    [InlineData("lichtbeelden", "lichtbeeld")]
    [InlineData("lichte", "licht")]
    [InlineData("lichten", "licht")]
    [InlineData("lichtende", "lichtend")]
    [InlineData("opgaaf", "opgaf")]
    [InlineData("opgaan", "opgan")]
    [InlineData("opgaande", "opgaand")]
    [InlineData("opgedaan", "opgedan")]
    [InlineData("opgegeven", "opgegev")]
    [InlineData("mogelijkheden", "mogelijk")]   // heden → heid, then heid in R2 goes
    [InlineData("gevaarlijke", "gevar")]        // e, then lijk in R2, then the doubled vowel
    [InlineData("gemeenten", "gemeent")]
    [InlineData("gemen", "gemen")]              // "en" after "gem" stays
    [InlineData("katten", "kat")]               // undouble after en
    [InlineData("ideeën", "ideeen")]            // diaeresis folded; "en" after a vowel stays
    [InlineData("kopieën", "kopieen")]
    [InlineData("maan", "man")]                 // doubled vowel before a final consonant
    [InlineData("aan", "aan")]                  // ... but not at the start of the word
    [InlineData("haar", "har")]
    [InlineData("", "")]
    public void KnownStems(string word, string stem)
    {
        Assert.Equal(stem, DutchStemmer.Default.Stem(word));
        Assert.Equal(stem, Lucene(word));   // the hand expectations are also the reference's
    }

    [Fact]
    public void SpanApiWritesTheStemAndReturnsItsLength()
    {
        Span<char> buffer = stackalloc char[32];
        int n = DutchStemmer.Default.Stem("lichamelijkheden", buffer);
        Assert.Equal("licham", buffer[..n].ToString());
    }

    [Fact]
    public void StemsInPlaceWhenSourceAndDestinationAreTheSameMemory()
    {
        char[] word = "gevaarlijke".ToCharArray();
        int n = DutchStemmer.Default.Stem(word, word);
        Assert.Equal(Lucene("gevaarlijke"), new string(word, 0, n));
    }

    [Fact]
    public void DestinationShorterThanTheWordIsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => DutchStemmer.Default.Stem("lichamelijk", new char[5]));
        Assert.Equal("destination", ex.ParamName);
    }

    [Fact]
    public void ReturnsTheSameInstanceWhenNothingIsStripped()
    {
        const string word = "licht";
        Assert.Same(word, DutchStemmer.Default.Stem(word));
    }

    [Fact]
    public void LongWordsBeyondTheStackBufferAgreeWithTheReference()
    {
        var word = string.Concat(Enumerable.Repeat("verzekeringsmaatschappij", 20)) + "heden";
        Assert.Equal(Lucene(word), DutchStemmer.Default.Stem(word));
    }

    [Fact]
    public void SpanApiDoesNotAllocate()
    {
        var words = new[] { "lichamelijkheden", "gevaarlijke", "opgegeven", "katten", "ideeën" };
        Span<char> buffer = stackalloc char[64];
        foreach (var w in words) DutchStemmer.Default.Stem(w, buffer);   // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
            foreach (var w in words) DutchStemmer.Default.Stem(w, buffer);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ConcurrentCallersGetTheSameStems()
    {
        string[] words = ["lichamelijkheden", "gevaarlijke", "opgegeven", "katten", "ideeën", "yoghurt", "mogelijkheden",
                          "haaien", "wandelingen", "heerlijkheid", "blijkbaar", "gemeenten"];
        var expected = words.Select(Lucene).ToArray();
        var failures = 0;
        Parallel.For(0, 64, _ =>
        {
            Span<char> buffer = stackalloc char[32];
            for (int round = 0; round < 200; round++)
                for (int i = 0; i < words.Length; i++)
                    if (!buffer[..DutchStemmer.Default.Stem(words[i], buffer)].SequenceEqual(expected[i]))
                        Interlocked.Increment(ref failures);
        });
        Assert.Equal(0, failures);
    }

    // Odd inputs: markers, accents the reference leaves alone, non-Latin letters and vowel-less words.
    [Theory]
    [InlineData("yoghurt")]
    [InlineData("haaien")]
    [InlineData("mooiere")]
    [InlineData("ayyy")]
    [InlineData("iiii")]
    [InlineData("crèmes")]
    [InlineData("überhaupt")]
    [InlineData("één")]
    [InlineData("brrr")]
    [InlineData("a")]
    [InlineData("een")]
    [InlineData("hedenheden")]
    [InlineData("lijkbaar")]
    [InlineData("blijkbaar")]
    [InlineData("ondenkbaar")]
    [InlineData("eetbare")]
    [InlineData("wandelingen")]
    [InlineData("heerlijkheid")]
    [InlineData("москва")]
    [InlineData("naïef")]
    public void OddWordsAgreeWithTheReference(string word) =>
        Assert.Equal(Lucene(word), DutchStemmer.Default.Stem(word));

    [SharedDataFact("text/nl-mixed-corpus.txt")]
    public void AgreesWithLuceneOnEveryDistinctWordOfTheMixedCorpus()
    {
        var words = DistinctWords(File.ReadAllText(SharedData.PathOf("text/nl-mixed-corpus.txt")));
        var reference = new LuceneDutchStemmer();
        var disagreements = new List<string>();
        Span<char> buffer = stackalloc char[256];
        foreach (var word in words)
        {
            reference.SetCurrent(word);
            reference.Stem();
            string expected = reference.Current;
            string actual = word.Length <= buffer.Length
                ? new string(buffer[..DutchStemmer.Default.Stem(word, buffer)])
                : DutchStemmer.Default.Stem(word);
            if (actual != expected) disagreements.Add($"{word}: polder '{actual}', lucene '{expected}'");
        }

        output.WriteLine($"{words.Count} distinct words, {disagreements.Count} disagreements " +
                         $"({100.0 * (words.Count - disagreements.Count) / words.Count:F4}% agreement)");
        Assert.True(words.Count > 10_000, $"only {words.Count} distinct words read");
        Assert.True(disagreements.Count == 0,
            $"{disagreements.Count} of {words.Count} words disagree; first 20:\n" + string.Join("\n", disagreements.Take(20)));
    }

    // Random words built from the letters and suffixes the algorithm reacts to, including the reference's
    // markers and the accents it folds, reach corners a real corpus may not (seeded: failures reproduce).
    [Fact]
    public void AgreesWithLuceneOnRandomWordsBuiltFromTheAlgorithmsCorners()
    {
        const string letters = "aeiouyèáäéëíïóöúüIYbcdghjklmnrstvz";
        string[] suffixes = ["", "en", "ene", "heden", "heid", "s", "se", "e", "end", "ing", "ig", "lijk", "baar", "bar",
                             "kk", "dd", "tt", "gem", "eig", "eten", "ingen", "igheid", "lijke", "bare", "aan", "oon"];
        var random = new Random(20261127);
        var reference = new LuceneDutchStemmer();
        var sb = new StringBuilder();
        Span<char> buffer = stackalloc char[64];
        var disagreements = new List<string>();
        for (int i = 0; i < 200_000; i++)
        {
            sb.Clear();
            int n = random.Next(0, 9);
            for (int j = 0; j < n; j++) sb.Append(letters[random.Next(letters.Length)]);
            sb.Append(suffixes[random.Next(suffixes.Length)]);
            if (random.Next(3) == 0) sb.Append(suffixes[random.Next(suffixes.Length)]);
            string word = sb.ToString();
            reference.SetCurrent(word);
            reference.Stem();
            string actual = new(buffer[..DutchStemmer.Default.Stem(word, buffer)]);
            if (actual != reference.Current) disagreements.Add($"{word}: polder '{actual}', lucene '{reference.Current}'");
        }
        Assert.True(disagreements.Count == 0,
            $"{disagreements.Count} disagreements; first 20:\n" + string.Join("\n", disagreements.Take(20)));
    }

    /// <summary>Maximal runs of letters, lower-cased, distinct.</summary>
    internal static HashSet<string> DistinctWords(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            words.Add(text.Substring(start, i - start).ToLowerInvariant());
        }
        return words;
    }

    private static string Lucene(string word)
    {
        var s = new LuceneDutchStemmer();
        s.SetCurrent(word);
        s.Stem();
        return s.Current;
    }
}
