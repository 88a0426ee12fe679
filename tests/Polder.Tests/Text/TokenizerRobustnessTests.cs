using System.Diagnostics;
using System.Text;
using Polder.Tests.Infrastructure;
using Polder.Text;
using Xunit.Abstractions;

namespace Polder.Tests.Text;

/// <summary>Round trip, offsets and allocation on real text, and random Unicode that tries to break the tokenizer.</summary>
public class TokenizerRobustnessTests(ITestOutputHelper output)
{
    /// <summary>
    /// Tokens are ordered, inside the text and non-overlapping; every character outside a token is a gap character
    /// (whitespace, control or invisible format) — so tokens plus gaps give back the input exactly, and no visible
    /// character is lost.
    /// </summary>
    private static void AssertRoundTrip(string text)
    {
        var tokens = DutchTokenizer.Default.Tokenize(text);
        var rebuilt = new StringBuilder(text.Length);
        int pos = 0;
        foreach (var t in tokens)
        {
            Assert.True(t.Length > 0, "empty token");
            Assert.True(t.Start >= pos && t.End <= text.Length, $"token {t} out of order or range at {pos}");
            for (int k = pos; k < t.Start; k++)
                Assert.True(char.IsWhiteSpace(text[k]) || char.IsControl(text[k]) || char.GetUnicodeCategory(text[k]) == System.Globalization.UnicodeCategory.Format,
                    $"visible character U+{(int)text[k]:X4} at {k} is in no token");
            rebuilt.Append(text, pos, t.Start - pos).Append(text, t.Start, t.Length);
            pos = t.End;
        }
        for (int k = pos; k < text.Length; k++)
            Assert.True(char.IsWhiteSpace(text[k]) || char.IsControl(text[k]) || char.GetUnicodeCategory(text[k]) == System.Globalization.UnicodeCategory.Format,
                $"visible character U+{(int)text[k]:X4} at {k} is in no token");
        rebuilt.Append(text, pos, text.Length - pos);
        Assert.Equal(text, rebuilt.ToString());
    }

    [SharedDataFact("text/nl-mixed-corpus.txt")]
    public void RoundTripHoldsForEveryLineOfTheMixedCorpus()
    {
        int lines = 0; long tokens = 0;
        foreach (var line in File.ReadLines(SharedData.PathOf("text/nl-mixed-corpus.txt")))
        {
            AssertRoundTrip(line);
            tokens += DutchTokenizer.Default.CountTokens(line);
            lines++;
        }
        output.WriteLine($"{lines} lines, {tokens} tokens: round trip holds for every line");
        Assert.True(lines > 19000);
    }

    [SharedDataFact("text/nl-mixed-corpus.txt")]
    public void SpanApiAllocatesNothingPerDocument()
    {
        var lines = File.ReadAllLines(SharedData.PathOf("text/nl-mixed-corpus.txt"));
        var buffer = new Token[lines.Max(l => l.Length) + 1];
        var tokenizer = DutchTokenizer.Default;
        foreach (var l in lines) tokenizer.Tokenize(l, buffer); // one warm-up pass: JIT and lazily built static data
        long before = GC.GetAllocatedBytesForCurrentThread();
        long count = 0;
        foreach (var l in lines)
        {
            count += tokenizer.Tokenize(l, buffer);
            foreach (var t in tokenizer.EnumerateTokens(l)) count += t.Length > 0 ? 0 : 1;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"{lines.Length} documents, {count} tokens, {allocated} bytes allocated");
        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomUnicodeNeverBreaksOffsetsOrRoundTrip(int seed)
    {
        var rng = new Random(seed);
        // Pieces that stress the rules: surrogates (paired and lone), marks, controls, RTL, emoji parts, connectors.
        string[] pieces =
        [
            "\uD83D", "\uDE00", "\uD83D\uDE00", "\u200D", "\uFE0F", "\u20E3", "\uD83C\uDFFD", "\uD83C\uDDF3", "\u0301", "\u0308",
            "\u0000", "\u0007", "\u001B", "\u0085", "\u2028", "\u202E", "\u200F", "\u05D0\u05D1", "\u0627\u0644", "\u00AD",
            "'", "’", "-", ".", ",", "@", "#", ":", ";", "/", "&", "(", ")", "%", "http://", "www.", "'t", "o.a", "3,5", " ", "\t",
            "a", "Z", "é", "ß", "9", "€", "…", "<3", ":-", "_", "ﬁ", "𝐀", "\uFFFF", "\uFFFE", "x", "D",
        ];
        for (int doc = 0; doc < 400; doc++)
        {
            var sb = new StringBuilder();
            int len = rng.Next(0, 60);
            for (int k = 0; k < len; k++)
                sb.Append(rng.Next(4) == 0 ? ((char)rng.Next(0, 0x10000)).ToString() : pieces[rng.Next(pieces.Length)]);
            AssertRoundTrip(sb.ToString());
        }
    }

    [Fact]
    public void HugeInputsFinishAndRoundTrip()
    {
        var sw = Stopwatch.StartNew();
        var rng = new Random(42);
        var noSpaces = new string(Enumerable.Range(0, 1_000_000).Select(_ => (char)rng.Next('a', 'z' + 1)).ToArray());
        AssertRoundTrip(noSpaces);
        AssertRoundTrip(string.Concat(Enumerable.Repeat("a-", 500_000)));
        AssertRoundTrip(string.Concat(Enumerable.Repeat("1.", 500_000)));
        AssertRoundTrip(new string('.', 1_000_000));
        var emoji = string.Concat(Enumerable.Repeat("😀👍🏽🇳🇱👨‍👩‍👧", 2_500)); // 10k emoji
        AssertRoundTrip(emoji);
        Assert.Equal(10_000, DutchTokenizer.Default.CountTokens(emoji));
        var zwj = string.Concat(Enumerable.Repeat("😀\u200D", 100_000)); // one endless ZWJ chain
        AssertRoundTrip(zwj);
        // A guard against pathological (quadratic) scanning, not a speed measurement.
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(60), $"took {sw.Elapsed}");
    }
}
