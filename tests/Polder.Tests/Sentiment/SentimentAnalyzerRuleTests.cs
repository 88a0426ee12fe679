using Polder.Sentiment;

namespace Polder.Tests.Sentiment;

/// <summary>Each rule of the zero-shot analyser on hand-written Dutch sentences.</summary>
public class SentimentAnalyzerRuleTests
{
    private static readonly SentimentAnalyzer A = SentimentAnalyzer.Default;

    private static double S(string text) => A.Score(text);

    private static SentimentLabel L(string text) => A.Classify(text);

    private static SentimentContribution Hit(string text, string token) =>
        A.Analyze(text).Contributions.Single(c => c.Text.Equals(token, StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("Wat een prachtige dag.", SentimentLabel.Positive)]
    [InlineData("Dit is een slechte en waardeloze beslissing.", SentimentLabel.Negative)]
    [InlineData("De vergadering begint om drie uur in zaal 4.", SentimentLabel.Neutral)]
    [InlineData("Gefeliciteerd met je nieuwe baan!", SentimentLabel.Positive)]
    [InlineData("Helaas is de trein weer vertraagd.", SentimentLabel.Negative)]
    public void Lexicon(string text, SentimentLabel expected) => Assert.Equal(expected, L(text));

    [Fact]
    public void InflectedFormsMatchThroughTheirStem()
    {
        var c = Hit("Wat een prachtige foto's.", "prachtige");
        Assert.True(c.Weight > 0);
        Assert.Equal(SentimentLabel.Negative, L("Het was een verschrikkelijke avond"));
    }

    [Theory]
    [InlineData("Dit is niet goed.", SentimentLabel.Negative)]
    [InlineData("Het eten was niet lekker.", SentimentLabel.Negative)]
    [InlineData("Geen probleem, graag gedaan!", SentimentLabel.Positive)]
    [InlineData("Dat was helemaal niet slecht.", SentimentLabel.Positive)]
    public void NegationFlipsWhatFollows(string text, SentimentLabel expected)
    {
        Assert.Equal(expected, L(text));
        Assert.Contains(A.Analyze(text).Contributions, c => (c.Cues & SentimentCues.Negated) != 0);
    }

    [Fact]
    public void NooitMeerNegatesTheNounAfterIt()
    {
        var c = Hit("Nooit meer oorlog.", "oorlog");
        Assert.True(c.Prior < 0);
        Assert.True(c.Weight > 0);
        Assert.True(c.Cues.HasFlag(SentimentCues.Negated));
    }

    [Fact]
    public void NegationAfterTheWordNegatesItWhenNothingFollows()
    {
        // Dutch puts "niet" late: "Mooi is het niet."
        var c = Hit("Mooi is het niet.", "Mooi");
        Assert.True(c.Cues.HasFlag(SentimentCues.Negated));
        Assert.Equal(SentimentLabel.Negative, L("Mooi is het niet."));
    }

    [Fact]
    public void NegationScopeEndsAtTheClause()
    {
        var c = Hit("Niet iedereen was er, maar het was een prachtige avond.", "prachtige");
        Assert.False(c.Cues.HasFlag(SentimentCues.Negated));
        Assert.Equal(SentimentLabel.Positive, L("Niet iedereen was er, maar het was een prachtige avond."));
    }

    [Fact]
    public void BareNegationLeansNegativeWithoutDecidingAlone()
    {
        double s = S("Dat kan niet.");
        Assert.True(s < 0);
        Assert.Equal(SentimentLabel.Neutral, L("Dat kan niet."));
    }

    [Fact]
    public void IntensifiersStrengthenAndDowntonersWeaken()
    {
        Assert.True(S("Het is heel mooi.") > S("Het is mooi."));
        Assert.True(S("Het is zeer slecht.") < S("Het is slecht."));
        Assert.True(S("Het is een beetje saai.") > S("Het is saai."));
        Assert.True(Hit("Het is heel mooi.", "mooi").Cues.HasFlag(SentimentCues.Intensified));
        Assert.True(Hit("Het is een beetje saai.", "saai").Cues.HasFlag(SentimentCues.Downtoned));
    }

    [Fact]
    public void ANegativeIntensifierBeforeASentimentWordOnlyIntensifies()
    {
        // "vreselijk mooi" is very beautiful; "vreselijk" alone is terrible.
        Assert.Equal(SentimentLabel.Positive, L("Dat is vreselijk mooi."));
        Assert.Equal(SentimentLabel.Negative, L("Dat was vreselijk."));
        Assert.True(S("Dat is vreselijk mooi.") > S("Dat is mooi."));
    }

    [Fact]
    public void ContrastMaarMakesTheClauseAfterItWeighMore()
    {
        Assert.Equal(SentimentLabel.Negative, L("Het eten was lekker, maar de bediening was slecht."));
        Assert.Equal(SentimentLabel.Positive, L("De bediening was slecht, maar het eten was heerlijk."));
        var r = A.Analyze("Het eten was lekker, maar de bediening was slecht.");
        Assert.True(r.Contributions.Single(c => c.Text == "lekker").Cues.HasFlag(SentimentCues.BeforeContrast));
        Assert.True(r.Contributions.Single(c => c.Text == "slecht").Cues.HasFlag(SentimentCues.AfterContrast));
    }

    [Fact]
    public void MaarAsAParticleIsNoContrast()
    {
        var r = A.Analyze("Het is niet alleen mooi maar ook goed.");
        Assert.DoesNotContain(r.Contributions, c => (c.Cues & (SentimentCues.AfterContrast | SentimentCues.BeforeContrast)) != 0);
    }

    [Fact]
    public void ContrastEchterOutweighsThePreviousSentence()
    {
        Assert.Equal(SentimentLabel.Negative, L("Het plan klinkt goed. Het is echter slecht uitgewerkt."));
        Assert.Equal(SentimentLabel.Positive, L("Het begin was slecht. Het einde was echter geweldig."));
    }

    [Fact]
    public void ConcessiveClauseWeighsLess()
    {
        Assert.Equal(SentimentLabel.Positive, L("Hoewel het slecht weer was, was het een geweldige dag."));
        Assert.True(Hit("Hoewel het slecht weer was, was het een geweldige dag.", "slecht").Cues.HasFlag(SentimentCues.BeforeContrast));
    }

    [Fact]
    public void ExclamationMarksStrengthen()
    {
        Assert.True(S("Geweldig!!!") > S("Geweldig."));
        Assert.True(S("Schandalig!") < S("Schandalig."));
        Assert.True(Hit("Geweldig!!!", "Geweldig").Cues.HasFlag(SentimentCues.Exclamation));
    }

    [Fact]
    public void ElongationIsMatchedAndStrengthens()
    {
        var c = Hit("Wat mooooi", "mooooi");
        Assert.True(c.Cues.HasFlag(SentimentCues.Elongated));
        Assert.True(S("Wat mooooi") > S("Wat mooi"));
        Assert.Equal(SentimentLabel.Positive, L("goeeeed gedaan"));
    }

    [Fact]
    public void CapitalsStrengthenUnlessTheWholeTextShouts()
    {
        Assert.True(S("Dit is echt SCHANDALIG van de gemeente") < S("Dit is echt schandalig van de gemeente"));
        Assert.True(Hit("Dit is echt SCHANDALIG van de gemeente", "SCHANDALIG").Cues.HasFlag(SentimentCues.Capitals));
        Assert.False(Hit("DIT IS SCHANDALIG", "SCHANDALIG").Cues.HasFlag(SentimentCues.Capitals));
    }

    [Fact]
    public void QuestionsPutPraiseInDoubt()
    {
        Assert.True(S("Is dit een goed plan?") < S("Dit is een goed plan."));
        Assert.True(Hit("Is dit een goed plan?", "goed").Cues.HasFlag(SentimentCues.Question));
        // criticism in a question stays criticism; a why-question adds a complaint of its own (issue 15)
        Assert.True(S("Waarom is dit zo slecht?") <= S("Waarom is dit zo slecht."));
        Assert.Equal(S("Dit is zo slecht, toch."), S("Dit is zo slecht, toch?"), 6);
    }

    [Fact]
    public void QuotedWordsWeighLess()
    {
        Assert.True(S("Hij noemde het \"fantastisch\" vandaag.") < S("Hij noemde het fantastisch vandaag."));
        Assert.True(Hit("Ze vinden het ‘geweldig’ nu.", "geweldig").Cues.HasFlag(SentimentCues.Quoted));
    }

    [Fact]
    public void ReportedSpeechWeighsLess()
    {
        Assert.True(S("Volgens de minister is het een goed plan.") < S("Het is een goed plan."));
        Assert.True(Hit("Het is een goed plan, zegt de minister.", "goed").Cues.HasFlag(SentimentCues.Reported));
    }

    [Fact]
    public void ExcessiveTeTurnsPraiseAndNeutralScalesNegative()
    {
        Assert.Equal(SentimentLabel.Negative, L("Dat ging veel te makkelijk."));
        Assert.True(S("Het is te laat.") < 0);
        Assert.True(Hit("Dat ging veel te makkelijk.", "makkelijk").Cues.HasFlag(SentimentCues.Excess));
        // "te" before an infinitive is no excess
        Assert.True(S("We proberen ondernemers te ondersteunen.") >= 0);
    }

    [Theory]
    [InlineData("Vandaag jarig 😍🎉", SentimentLabel.Positive)]
    [InlineData("Weer vertraging 😡", SentimentLabel.Negative)]
    [InlineData("Lekker weekend gehad :)", SentimentLabel.Positive)]
    [InlineData("Trein uitgevallen :(", SentimentLabel.Negative)]
    [InlineData("Duimpje 👍🏽", SentimentLabel.Positive)]
    [InlineData("Facepalm 🤦‍♂️", SentimentLabel.Negative)]
    public void EmojiAndEmoticons(string text, SentimentLabel expected)
    {
        Assert.Equal(expected, L(text));
        Assert.Contains(A.Analyze(text).Contributions, c => c.Cues.HasFlag(SentimentCues.Emoji));
    }

    [Theory]
    [InlineData("Weer een storing bij de NS #fail", SentimentLabel.Negative)]
    [InlineData("Nieuwe baan! #trots", SentimentLabel.Positive)]
    [InlineData("Jippie, vakantie!", SentimentLabel.Positive)]
    [InlineData("Bah, alweer regen.", SentimentLabel.Negative)]
    [InlineData("Kanjers zijn jullie", SentimentLabel.Positive)]
    public void HashtagsInterjectionsAndSlang(string text, SentimentLabel expected) => Assert.Equal(expected, L(text));

    [Fact]
    public void HashtagWordsAreLookedUpWithoutTheHash()
    {
        var c = Hit("Het debat van vandaag #schandalig", "#schandalig");
        Assert.True(c.Weight < 0);
        Assert.True(c.Cues.HasFlag(SentimentCues.Hashtag));
    }

    [Fact]
    public void EmptyAndSymbolOnlyTextsAreNeutralWithNoContributions()
    {
        foreach (var t in new[] { "", " ", "...", "@jan #x 12:30 https://example.nl" })
        {
            var r = A.Analyze(t);
            Assert.Equal(SentimentLabel.Neutral, r.Label);
            Assert.Equal(0, r.Score);
            Assert.Empty(r.Contributions);
        }
    }
}
