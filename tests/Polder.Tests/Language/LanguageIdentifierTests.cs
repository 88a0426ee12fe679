using Polder.Language;

namespace Polder.Tests.Language;

public class LanguageIdentifierTests
{
    private static readonly LanguageIdentifier Id = LanguageIdentifier.Default;

    [Theory]
    [InlineData("Lekker gegeten!")]
    [InlineData("Niet aan te raden.")]
    [InlineData("Origineel, prima product")]
    [InlineData("Snel geleverd, werkt perfect.")]
    [InlineData("Heel vriendelijk personeel")]
    [InlineData("Nooit meer!")]
    [InlineData("Waardeloos.")]
    [InlineData("Aanrader!")]
    [InlineData("Slechte klantenservice, geen antwoord gekregen")]
    [InlineData("Wanneer wordt de container geleegd?")]
    public void ShortDutchReviewSentencesAreDutch(string text)
    {
        var guess = Id.Identify(text);
        Assert.Equal("nl", guess.Language);
        Assert.True(guess.IsDutch);
        Assert.InRange(guess.Confidence, 0.5, 1.0);
    }

    [Theory]
    [InlineData("Great food, would recommend")]
    [InlineData("Terrible service.")]
    [InlineData("Not worth the money.")]
    [InlineData("The staff was very friendly.")]
    [InlineData("Would not buy again")]
    [InlineData("I love it!")]
    [InlineData("Works as expected.")]
    public void ShortEnglishReviewSentencesAreEnglish(string text)
    {
        var guess = Id.Identify(text);
        Assert.Equal("en", guess.Language);
        Assert.False(guess.IsDutch);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("https://www.utrecht.nl/afval?wijk=3")]
    [InlineData("@gemeente_Utrecht")]
    [InlineData("😀😀 👍🏽 :-)")]
    [InlineData("06-12345678 21:46 19-12-2016 3,5")]
    [InlineData("info@example.com")]
    public void NoLettersToJudgeIsUnknown(string text)
    {
        var guess = Id.Identify(text);
        Assert.Equal(LanguageGuess.Unknown, guess);
        Assert.Equal("unknown", guess.Language);
        Assert.Equal(0, guess.Confidence);
        Assert.True(guess.IsUnknown);
    }

    [Theory]
    [InlineData("Lekker gegeten", "@restaurant_x Lekker gegeten 😍😍 https://t.co/abc123 info@x.nl 21:30")]
    [InlineData("Great food", "@henk Great food!!! 👍🏽 www.example.com")]
    [InlineData("Top dat jullie zo snel reageerden", "Top dat jullie zo snel reageerden!! #fijnedag #nofilter")]
    public void MentionsUrlsEmojiNumbersAndHashtagsBesideWordsAreNoEvidence(string plain, string social)
    {
        // exactly the same scores: what is ignored cannot shift the confidence either
        Assert.Equal(Id.Identify(plain), Id.Identify(social));
    }

    [Fact]
    public void APostOfOnlyHashtagsIsJudgedByTheirText()
    {
        Assert.Equal("nl", Id.Identify("#fijnedag #afval").Language);
        Assert.Equal("en", Id.Identify("@x #throwbackthursday #goodtimes").Language);
    }

    [Fact]
    public void ElongationsCountAsTheWord()
    {
        // a run of three or more counts as two: "heeeeeel" is "heel", "lekkerrrrr" is "lekkerr"
        Assert.Equal(Id.Identify("heel lekkerr"), Id.Identify("heeeeeeel lekkerrrrr"));
        Assert.NotEqual(Id.Identify("heel lekker"), Id.Identify("heeeeeeel lekkerrrrr"));
        Assert.Equal("nl", Id.Identify("jaaaaa heeeeel fijn").Language);
    }

    [Fact]
    public void SpanAndStringOverloadsAgreeAndScoresAreProbabilities()
    {
        const string text = "Vanavond om 21:46 nog steeds geen licht in m'n straat...";
        Assert.Equal(Id.Identify(text), Id.Identify(text.AsSpan()));
        Assert.Equal(["nl", "en"], Id.Languages);
        Span<double> p = stackalloc double[Id.Languages.Count];
        int evidence = Id.Score(text, p);
        Assert.True(evidence > 20, $"evidence {evidence}");
        Assert.Equal(1.0, p[0] + p[1], 9);
        Assert.Equal(Id.Identify(text).Confidence, p[0], 12);
        Assert.Equal(0, Id.Score("😀 @x", p));
        Assert.Equal([0.0, 0.0], p.ToArray());
    }

    [Fact]
    public void LongerTextsAreMoreConfidentThanOneWord()
    {
        var one = Id.Identify("Prima");
        var many = Id.Identify("Prima product, snel geleverd en het geluid is echt heel goed voor deze prijs.");
        Assert.Equal("nl", many.Language);
        Assert.True(many.Confidence > one.Confidence, $"{many.Confidence} vs {one.Confidence}");
        Assert.True(many.Confidence > 0.99);
    }

    [Fact]
    public void IsThreadSafeAndDeterministic()
    {
        string[] texts = ["Lekker gegeten!", "Great food", "Niet aan te raden.", "I love it!", "#fijnedag", "😀", "Top dat jullie zo snel reageerden"];
        var expected = texts.Select(Id.Identify).ToArray();
        var results = new LanguageGuess[texts.Length * 200];
        Parallel.For(0, results.Length, i => results[i] = Id.Identify(texts[i % texts.Length]));
        for (int i = 0; i < results.Length; i++) Assert.Equal(expected[i % texts.Length], results[i]);
    }

    [Fact]
    public void LongWordsAndOddCharactersDoNotBreakIt()
    {
        Assert.Equal("nl", Id.Identify("arbeidsongeschiktheidsverzekeringsmaatschappijen zijn duur").Language);
        Assert.Equal("unknown", Id.Identify("\u200B\uFEFF\t\n").Language);
        var guess = Id.Identify(new string('a', 100_000));
        Assert.NotEqual("unknown", guess.Language);
        Assert.InRange(guess.Confidence, 0.0, 1.0);
    }

    [Fact]
    public void CustomProfilesLoadAndMalformedOnesAreRejected()
    {
        const string profiles = "#languages\tnl\ten\n#alpha\t0.5\n#vocab\t2\t1\t1\t1\t1\n#totals nl\t10\t1\t1\t1\t1\n#totals en\t10\t1\t1\t1\t1\nq\t9\t0\n_q\t1\t0\nx\t0\t9\n";
        var custom = LanguageIdentifier.Load(new StringReader(profiles));
        Assert.Equal("nl", custom.Identify("qqq").Language);
        Assert.Equal("en", custom.Identify("xx").Language);
        Assert.Equal("unknown", custom.Identify("zzz").Language);
        var words = "#shared-word-weight\t0.5\n#exclusive-word-bonus\t10\nxx\tnl\n";
        Assert.Equal("nl", LanguageIdentifier.Load(new StringReader(profiles), new StringReader(words)).Identify("xx").Language);

        Assert.Throws<InvalidDataException>(() => LanguageIdentifier.Load(new StringReader("q\t1\t0\n")));
        Assert.Throws<InvalidDataException>(() => LanguageIdentifier.Load(new StringReader(profiles + "toolong\t1\t1\n")));
        Assert.Throws<InvalidDataException>(() => LanguageIdentifier.Load(new StringReader(profiles + "y\tmany\t1\n")));
        Assert.Throws<InvalidDataException>(() => LanguageIdentifier.Load(new StringReader(profiles + "q\t1\t1\n")));
        Assert.Throws<InvalidDataException>(() => LanguageIdentifier.Load(new StringReader(profiles), new StringReader("xx\tfr\n")));
    }
}
