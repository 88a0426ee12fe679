using Polder.Analysis;
using Polder.Language;

namespace Polder.Tests.Language;

public class LanguageMixTests
{
    private static readonly LanguageIdentifier Id = LanguageIdentifier.Default;

    [Theory]
    [InlineData("RT @UNIraq: يوم الصحة العالمي: الأمم المتحدة في #العراق تُحيّي شجاعة", "ar")]
    [InlineData("Καλημέρα σε όλους, ωραία μέρα σήμερα", "el")]
    [InlineData("Привет всем друзьям из Утрехта", "ru")]
    [InlineData("今日はとても良い天気ですね", "ja")]
    public void A_text_in_another_script_is_never_Dutch_or_English(string text, string expected)
    {
        var g = Id.Identify(text);
        Assert.Equal(expected, g.Language);
        Assert.False(TextLanguages.IsReadByDutchLayers(g));
    }

    [Fact]
    public void A_few_foreign_words_in_a_Dutch_post_leave_it_Dutch()
    {
        // a Latin majority decides, whatever script a name or a quote is in
        Assert.Equal("nl", Id.Identify("Vandaag sprak ik met de ambassadeur over Kyiv (Київ) en de steun van de gemeente").Language);
    }

    [Theory]
    [InlineData("RT @fvdemocratie: https://t.co/O4uuULwbMI https://t.co/uJAh5n3NnA")]
    [InlineData("RT @erikmouthaanRTL:  https://t.co/fSqTVRHc1x")]
    public void The_retweet_marker_is_no_English_word(string text) =>
        Assert.Equal(LanguageGuess.UnknownCode, Id.Identify(text).Language);

    [Fact]
    public void A_community_of_Dutch_posts_reads_an_ambiguous_short_post_as_Dutch_and_an_English_one_as_English()
    {
        string[] dutch = ["De container staat al drie dagen vol in onze straat.", "Wanneer wordt het grofvuil opgehaald?", "Bedankt voor de snelle reactie!",
            "Het fietspad bij de school is weer kapot.", "Goed dat jullie het hebben opgepakt."];
        string[] english = ["Does anyone know where the library is?", "The dining hall food was great today.", "Thanks for the quick reply!",
            "Is the shuttle running this weekend?", "I really loved that professor's class."];
        var ambiguous = Id.Identify("Top service");
        Assert.Equal("en", ambiguous.Language);           // alone, both words are plain English
        Assert.InRange(ambiguous.Confidence, 0.5, 0.9);   // but the identifier is not sure

        var dutchMix = LanguageMix.Of(dutch.Select(Id.Identify), Id.Languages);
        var englishMix = LanguageMix.Of(english.Select(Id.Identify), Id.Languages);
        Assert.True(dutchMix.ShareOf("nl") > 0.8);
        Assert.Equal("nl", dutchMix.Reweigh(ambiguous).Language);
        Assert.Equal("en", englishMix.Reweigh(ambiguous).Language);

        // a sure guess is not overruled by the mix: an English sentence in a Dutch community stays English
        var sure = Id.Identify("Does anyone know where the nearest pharmacy is open on Sunday?");
        Assert.Equal("en", dutchMix.Reweigh(sure).Language);
        // guesses outside the mix come back unchanged
        Assert.Equal(LanguageGuess.Unknown, dutchMix.Reweigh(LanguageGuess.Unknown));
    }

    [Fact]
    public void An_unsure_guess_of_another_language_does_not_make_the_Dutch_layers_skip_a_post()
    {
        Assert.Equal(LanguageGuess.Unknown, TextLanguages.Decide(new LanguageGuess("en", 0.6)));
        Assert.Equal("en", TextLanguages.Decide(new LanguageGuess("en", 0.95)).Language);
        Assert.Equal("nl", TextLanguages.Decide(new LanguageGuess("nl", 0.55)).Language);
    }
}
