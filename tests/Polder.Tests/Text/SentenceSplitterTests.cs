using Polder.Text;

namespace Polder.Tests.Text;

public class SentenceSplitterTests
{
    private static string[] Split(string s) => SentenceSplitter.Default.SplitToStrings(s);

    [Fact]
    public void DoesNotSplitAfterAbbreviationsOrInitials()
    {
        Assert.Equal(["Dhr. Jansen en mevr. De Vries kwamen o.a. voor de vergunning.", "Het college besloot."],
            Split("Dhr. Jansen en mevr. De Vries kwamen o.a. voor de vergunning. Het college besloot."));
        Assert.Equal(["Schilder J. Ensor woonde in Oostende."], Split("Schilder J. Ensor woonde in Oostende."));
    }

    [Fact]
    public void KeepsClosingQuotesEmojiAndHashtagsWithTheirSentence()
    {
        Assert.Equal([",,Dat is mooi.''", "Hij lachte."], Split(",,Dat is mooi.'' Hij lachte."));
        Assert.Equal(["Wat een dag! 🎉", "Morgen weer."], Split("Wat een dag! 🎉 Morgen weer."));
        Assert.Equal(["Container weer vol.", "Wanneer wordt hij geleegd? #afval @gemeente"],
            Split("Container weer vol. Wanneer wordt hij geleegd? #afval @gemeente"));
    }

    [Fact]
    public void HandlesEllipsesAndTweetsWithoutFinalPunctuation()
    {
        Assert.Equal(["Nou...", "Dat viel tegen"], Split("Nou... Dat viel tegen"));
        Assert.Equal(["we wachten nog steeds op antwoord"], Split("we wachten nog steeds op antwoord"));
        Assert.Equal(["Hij zei... eigenlijk niks."], Split("Hij zei... eigenlijk niks."));
    }

    [Fact]
    public void SplitsQuestionAndExclamationRuns()
    {
        Assert.Equal(["Echt?!", "Niet te geloven!!!", "(Of toch wel.)"], Split("Echt?! Niet te geloven!!! (Of toch wel.)"));
    }

    [Fact]
    public void SentencesPointAtTheirTokens()
    {
        const string text = "Eerste zin. Tweede zin!";
        var tokens = DutchTokenizer.Default.Tokenize(text);
        var sentences = new Sentence[tokens.Length];
        int n = SentenceSplitter.Default.Split(text, tokens, sentences);
        Assert.Equal(2, n);
        Assert.Equal(new Sentence(0, 11, 0, 3), sentences[0]);
        Assert.Equal(new Sentence(12, 11, 3, 3), sentences[1]);
    }
}
