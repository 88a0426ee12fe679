using Polder.Tests.Infrastructure;
using Polder.Text;

namespace Polder.Tests.Text;

/// <summary>
/// The span API cuts plain words from 64-character bit-mask windows when the buffer holds the text's length; the
/// enumerator and a tight buffer take the general readers only. All three must give the same tokens: on real text and
/// on random text built from the characters that decide the fast paths (window edges, long words, URL and emoticon
/// starts, sentence-final periods, abbreviations, numbers, brackets, non-ASCII letters, emoji).
/// </summary>
public class TokenizerFastPathTests
{
    private static void AssertSamePaths(string text)
    {
        var tokenizer = DutchTokenizer.Default;
        var windowed = new Token[text.Length + 1];
        int n = tokenizer.Tokenize(text, windowed);
        Assert.True(n >= 0);

        var enumerated = new List<Token>();
        foreach (var t in tokenizer.EnumerateTokens(text)) enumerated.Add(t);
        Assert.Equal(enumerated, windowed.AsSpan(0, n).ToArray());
        Assert.Equal(n, tokenizer.CountTokens(text));

        if (n < text.Length)
        {
            // Exactly n slots: fewer than the text's length, so no windows.
            var tight = new Token[n];
            Assert.Equal(n, tokenizer.Tokenize(text, tight));
            Assert.Equal(enumerated, tight);
        }
        if (n > 0)
        {
            // One slot short: filled, then the negated count.
            var shortBuffer = new Token[n - 1];
            Assert.Equal(-(n - 1), tokenizer.Tokenize(text, shortBuffer));
            Assert.Equal(enumerated.Take(n - 1), shortBuffer);
        }
    }

    private static readonly string[] Pieces =
    [
        "de", "gemeente", "het", "wordt", "op", "of", "ook", "was", "we", "xD", "XD", "o_O", "B-)", "Bus", "http://x.nl/a",
        "www.polder.nl", "o.a.", "bijv.", "Dhr.", "J.", "W.H.", "sp.a", "voor.Trein", "e-democratie", "on-", "komt-ie",
        "zo'n", "'t", "'s-Hertogenbosch", "1.000", "3,5", "25,-", "75%", "19-12-2016", "21:46", "2016", "(inter)gemeentelijke",
        "(", ")", ",", ",,", ",,,", ".", "...", "!", "?!", ":", ":)", ";-)", ";", "\"", "-", "--", "#afval", "@gemeente_Utrecht",
        "wéér", "één", "café", "😡", "👍🏽", "🇳🇱", "1️⃣", "<3", "^^", "€", "+", "|", "\u200B", "\u00AD", "\t", "\n", " ", " ", " ",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "Kanaalstraatgemeentehuisbeleidsmedewerkers",
        "h", "w", "x", "o", "B", "a", "\0",
    ];

    [Fact]
    public void RandomTextGivesTheSameTokensOnEveryPath()
    {
        var random = new Random(17);
        var sb = new System.Text.StringBuilder();
        for (int doc = 0; doc < 3000; doc++)
        {
            sb.Clear();
            int pieces = random.Next(0, 60);
            for (int p = 0; p < pieces; p++)
            {
                sb.Append(Pieces[random.Next(Pieces.Length)]);
                if (random.Next(3) > 0) sb.Append(' ');
            }
            AssertSamePaths(sb.ToString());
        }
    }

    [Theory]
    [InlineData(60)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(127)]
    [InlineData(128)]
    public void WordsAtWindowEdgesGiveTheSameTokens(int length)
    {
        // Words and specials placed across the 64-character window edges and at the text's end.
        foreach (var word in new[] { "ht", "http://a.nl", "xD", "B-", "gemeente.", "o.a.", "a", "Jan.", "abc,", "12", "12." })
            for (int shift = 0; shift < 8; shift++)
            {
                string text = new string('a', Math.Max(0, length - shift - word.Length)) + " " + word + new string(' ', shift);
                AssertSamePaths(text);
                AssertSamePaths(text.TrimEnd() + " " + text);
            }
    }

    [SharedDataFact("text/nl-mixed-corpus.txt")]
    public void MixedCorpusGivesTheSameTokensOnEveryPath()
    {
        foreach (var line in File.ReadLines(SharedData.PathOf("text/nl-mixed-corpus.txt")))
            AssertSamePaths(line);
    }
}
