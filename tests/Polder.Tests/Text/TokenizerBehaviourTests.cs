using Polder.Text;

namespace Polder.Tests.Text;

public class TokenizerBehaviourTests
{
    private static string[] Tok(string s) => DutchTokenizer.Default.TokenizeToStrings(s);

    [Theory]
    [InlineData("@gemeente_Utrecht", TokenKind.Mention)]
    [InlineData("#fijnedag", TokenKind.Hashtag)]
    [InlineData("😀", TokenKind.Emoji)]
    [InlineData("👍🏽", TokenKind.Emoji)]
    [InlineData("🇳🇱", TokenKind.Emoji)]
    [InlineData("👨‍👩‍👧", TokenKind.Emoji)]
    [InlineData("1️⃣", TokenKind.Emoji)]
    [InlineData("❤️", TokenKind.Emoji)]
    [InlineData("https://www.utrecht.nl/afval?wijk=3", TokenKind.Url)]
    [InlineData("'t", TokenKind.Clitic)]
    [InlineData("m'n", TokenKind.Clitic)]
    [InlineData("zo'n", TokenKind.Clitic)]
    [InlineData("óók", TokenKind.Word)]
    [InlineData(":-)", TokenKind.Emoticon)]
    [InlineData(":D", TokenKind.Emoticon)]
    [InlineData("<3", TokenKind.Emoticon)]
    [InlineData("Dhr.", TokenKind.Abbreviation)]
    [InlineData("o.a.", TokenKind.Abbreviation)]
    [InlineData("i.p.v.", TokenKind.Abbreviation)]
    [InlineData("3,5", TokenKind.Number)]
    [InlineData("1.000", TokenKind.Number)]
    [InlineData("75%", TokenKind.Number)]
    [InlineData("25,-", TokenKind.Number)]
    [InlineData("21:46", TokenKind.Time)]
    [InlineData("19-12-2016", TokenKind.Date)]
    [InlineData("…", TokenKind.Punctuation)]
    [InlineData("info@gemeente.nl", TokenKind.Email)]
    [InlineData("06-12345678", TokenKind.Number)]
    [InlineData("12,50", TokenKind.Number)]
    [InlineData("e-democratie", TokenKind.Word)]
    [InlineData("Noord-Brabant", TokenKind.Word)]
    [InlineData("heeeel", TokenKind.Word)]
    [InlineData("'s-Hertogenbosch", TokenKind.Word)]
    public void IsOneTokenOfItsKind(string text, TokenKind kind)
    {
        // Alone, and inside a sentence with punctuation glued to it.
        var alone = DutchTokenizer.Default.Tokenize(text);
        Assert.Equal([new Token(0, text.Length, kind)], alone);
        var sentence = $"Zie ook {text}, zei hij.";
        var tokens = DutchTokenizer.Default.Tokenize(sentence);
        Assert.Contains(new Token(8, text.Length, kind), tokens);
    }

    [Fact]
    public void SplitsTweetIntoTheExpectedTokens()
    {
        Assert.Equal(
            ["@gemeente_Utrecht", "De", "container", "is", "wéér", "vol", "😡", "Wanneer", "wordt", "'t", "geleegd", "?", "#afval"],
            Tok("@gemeente_Utrecht De container is wéér vol😡 Wanneer wordt 't geleegd? #afval"));
    }

    [Fact]
    public void KeepsElidedCompoundsAndSplitsClausePunctuation()
    {
        Assert.Equal(["on-", "en", "offline", "(", "o.a.", "via", "e-mail", ")", "."], Tok("on- en offline (o.a. via e-mail)."));
        Assert.Equal(["Dat", "kost", "€", "25,-", "!"], Tok("Dat kost € 25,-!"));
        Assert.Equal(["'s", "avonds", "om", "21:46", "..."], Tok("'s avonds om 21:46..."));
    }

    [Fact]
    public void UrlLeavesTrailingSentencePunctuationOut()
    {
        Assert.Equal(["Zie", "https://www.utrecht.nl/afval?wijk=3", "."], Tok("Zie https://www.utrecht.nl/afval?wijk=3."));
        Assert.Equal(["(", "www.rijksoverheid.nl", ")"], Tok("(www.rijksoverheid.nl)"));
    }

    [Fact]
    public void SentenceFinalPeriodIsNotAnAbbreviation()
    {
        Assert.Equal(["Dank", "u", "."], Tok("Dank u."));
        Assert.Equal(["Het", "is", "klaar", "."], Tok("Het is klaar."));
        Assert.Equal(["Het", "weer", "..."], Tok("Het weer..."));
    }

    [Fact]
    public void SpanApiMatchesArrayApiAndReportsSmallBuffers()
    {
        const string text = "Zo'n mooie dag :-) #zon";
        var expected = DutchTokenizer.Default.Tokenize(text);
        Span<Token> small = stackalloc Token[2];
        Assert.Equal(-2, DutchTokenizer.Default.Tokenize(text, small));
        Assert.Equal(expected[..2], small.ToArray());
        var list = new List<Token>();
        foreach (var t in DutchTokenizer.Default.EnumerateTokens(text)) list.Add(t);
        Assert.Equal(expected, list);
        Assert.Equal(expected.Length, DutchTokenizer.Default.CountTokens(text));
    }

    [Fact]
    public void EmptyAndWhitespaceGiveNoTokens()
    {
        Assert.Empty(Tok(""));
        Assert.Empty(Tok(" \t\u00A0\u200B "));
    }
}
