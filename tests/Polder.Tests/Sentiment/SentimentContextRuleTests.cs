using Polder.Sentiment;

namespace Polder.Tests.Sentiment;

/// <summary>
/// The domain errors of municipal and webcare language named in issue 15 (sentiment in context), and what must stay
/// as it was: each rule is visible in the contributions.
/// </summary>
public class SentimentContextRuleTests
{
    private static readonly SentimentAnalyzer A = SentimentAnalyzer.Default;

    private static SentimentLabel L(string text) => A.Classify(text);

    private static SentimentContribution Hit(string text, string token) =>
        A.Analyze(text).Contributions.Single(c => c.Text.Equals(token, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void AFullContainerIsAComplaint()
    {
        // The example: "vol" scored +0.29 as praise.
        const string text = "De container is weer vol.";
        Assert.Equal(SentimentLabel.Negative, L(text));
        var vol = Hit(text, "vol");
        Assert.True(vol.Weight < 0);
        Assert.True(vol.Cues.HasFlag(SentimentCues.Recurrence));
    }

    [Theory]
    [InlineData("@gemeente_polderstad de glasbak op het Kerkplein is alweer vol, er staan nu flessen naast.")]
    [InlineData("Trein van 7.42 naar Utrecht weer vol, staan tot Woerden.")]
    [InlineData("De lift in de parkeergarage is weer stuk.")]
    [InlineData("De container zit weer vol met afval van de markt.")]
    [InlineData("Plasticcontainer bij de flat overvol.")]
    public void FaultWordsAreComplaints(string text) => Assert.Equal(SentimentLabel.Negative, L(text));

    [Theory]
    [InlineData("Vol vertrouwen de toekomst in.", SentimentLabel.Positive)]
    [InlineData("Vol lof over de brandweer, binnen vijf minuten ter plaatse.", SentimentLabel.Positive)]
    [InlineData("De zaal zat vol, de raadsvergadering begint om 19.30 uur.", SentimentLabel.Neutral)]
    public void VolIsPraiseOnlyInItsPhrases(string text, SentimentLabel expected) => Assert.Equal(expected, L(text));

    [Fact]
    public void AFaultWordCountsOnlyAtTheEndOfWhatIsSaid()
    {
        // "een stuk beter" is no broken thing
        Assert.DoesNotContain(A.Analyze("De website werkt weer een stuk beter.").Contributions, c => c.Text == "stuk");
        Assert.True(A.Score("De website werkt weer een stuk beter.") > 0);
    }

    [Fact]
    public void APhraseIsOneContributionOverItsWords()
    {
        var c = Hit("Vol vertrouwen de toekomst in.", "Vol vertrouwen");
        Assert.True(c.Weight > 0);
        Assert.True(c.Cues.HasFlag(SentimentCues.Phrase));
        Assert.Equal(0, c.Start);
        Assert.Equal("Vol vertrouwen".Length, c.Length);
    }

    [Theory]
    [InlineData("@gemeente_polderstad al 3 keer gemeld, nog steeds niks gebeurd.")]
    [InlineData("Al weken ligt er een matras bij de ingang van het park.")]
    [InlineData("Alweer vuurwerk om 23:00 in Noordhaven.")]
    [InlineData("Lantaarnpaal bij de speeltuin doet het nog steeds niet.")]
    [InlineData("Wéér geen groene bak opgehaald in onze straat.")]
    [InlineData("Dit is nu de vierde keer dat ik bel over de verstopte put.")]
    [InlineData("De website van de gemeente is weer eens onbereikbaar.")]
    public void RecurrenceIsAComplaint(string text)
    {
        Assert.Equal(SentimentLabel.Negative, L(text));
        Assert.Contains(A.Analyze(text).Contributions, c => c.Cues.HasFlag(SentimentCues.Recurrence));
    }

    [Theory]
    [InlineData("Nog steeds het lekkerste restaurant van de stad.", SentimentLabel.Positive)]
    [InlineData("De straat ziet er weer prachtig uit na de herbestrating.", SentimentLabel.Positive)]
    [InlineData("De markt staat deze week weer op het Marktplein.", SentimentLabel.Neutral)]
    [InlineData("Het is weer tijd voor de jaarlijkse schoonmaakactie in de wijk.", SentimentLabel.Neutral)]
    [InlineData("Precies drie jaar geleden alweer.", SentimentLabel.Neutral)]
    [InlineData("Het is mooi weer vandaag.", SentimentLabel.Positive)]
    public void RecurrenceLeavesPraiseNewsAndWeatherAlone(string text, SentimentLabel expected) => Assert.Equal(expected, L(text));

    [Theory]
    [InlineData("Top hoor, weer geen vuilniswagen gezien vandaag.", "Top")]
    [InlineData("Fijn hoor, de straat ligt voor de derde keer dit jaar open.", "Fijn")]
    [InlineData("Goed bezig gemeente 🙄", "Goed")]
    [InlineData("Prima plan hoor, eerst de weg asfalteren en daarna de riolering vervangen 😒", "Prima")]
    [InlineData("Mooi werk weer van de gemeente... het pas aangelegde fietspad wordt alweer opengebroken.", "Mooi")]
    public void IronicPraiseIsCriticism(string text, string praise)
    {
        Assert.Equal(SentimentLabel.Negative, L(text));
        var c = Hit(text, praise);
        Assert.True(c.Prior > 0);
        Assert.True(c.Weight < 0);
        Assert.True(c.Cues.HasFlag(SentimentCues.Ironic));
    }

    [Theory]
    [InlineData("Lekker dan, de bus rijdt weer niet en niemand laat iets weten.")]
    [InlineData("Bedankt voor niks @gemeente_polderstad")]
    public void IronicFixedPhrasesAreNegative(string text) => Assert.Equal(SentimentLabel.Negative, L(text));

    [Theory]
    [InlineData("Top dat jullie zo snel reageerden!")]
    [InlineData("Fijn hoor, dank je wel voor het snelle antwoord!")]
    [InlineData("Bij ons is het gisteren keurig opgelost hoor.")]
    [InlineData("Top hoor, dat jullie dit zo snel hebben opgepakt. Heel erg bedankt!")]
    public void SincerePraiseStaysPositive(string text)
    {
        Assert.Equal(SentimentLabel.Positive, L(text));
        Assert.DoesNotContain(A.Analyze(text).Contributions, c => c.Cues.HasFlag(SentimentCues.Ironic));
    }

    [Theory]
    [InlineData("Wanneer wordt het grofvuil opgehaald in Westwijk?")]
    [InlineData("Hebben jullie een goed overzicht van de gratis parkeerplekken in het centrum?")]
    [InlineData("Waar kan ik mijn oude koelkast kwijt?")]
    [InlineData("@gemeente_polderstad gaat de braderie in Oosterpolder op dinsdag door?")]
    public void QuestionsToTheOrganisationAreNeutral(string text) => Assert.Equal(SentimentLabel.Neutral, L(text));

    [Theory]
    [InlineData("Waarom is de milieustraat op zaterdag dicht? Dan heeft iedereen juist tijd.")]
    [InlineData("@gemeente_polderstad de container in de Julianalaan is alweer vol, wanneer wordt die geleegd? #afval")]
    [InlineData("Wanneer wordt die kapotte lantaarnpaal nou eindelijk eens gerepareerd?")]
    public void ComplaintsToTheOrganisationAreNegative(string text) => Assert.Equal(SentimentLabel.Negative, L(text));

    [Fact]
    public void EindelijkIsReliefUnlessImpatient()
    {
        Assert.Equal(SentimentLabel.Positive, L("Eindelijk is de speeltuin weer open! De kinderen zijn dolblij."));
        var c = Hit("Wanneer wordt het nou eindelijk eens opgeruimd?", "eindelijk");
        Assert.True(c.Weight < 0);
        Assert.True(c.Cues.HasFlag(SentimentCues.Recurrence));
    }

    [Fact]
    public void WebcareFormulasAreShownButDoNotCount()
    {
        const string text = "Dag Els, vervelend om te horen. Kun je ons via DM het adres sturen? ^MB";
        Assert.Equal(SentimentLabel.Neutral, L(text));
        var c = Hit(text, "vervelend om te horen");
        Assert.Equal(0, c.Weight);
        Assert.True(c.Cues.HasFlag(SentimentCues.Phrase));
        Assert.Equal(SentimentLabel.Neutral, L("Hoi Karin, dank voor je bericht. Ik heb je melding doorgezet naar de afdeling beheer. ^LB"));
        Assert.Equal(SentimentLabel.Positive, L("Hoi Jan, goed nieuws: de lantaarnpaal is vandaag gerepareerd. Bedankt voor het melden! ^LB"));
    }

    [Theory]
    [InlineData("Het eten was erg lekker en de bediening vriendelijk.", SentimentLabel.Positive)]
    [InlineData("Veel te duur voor wat je krijgt.", SentimentLabel.Negative)]
    [InlineData("Lang wachten op ons eten, bijna een uur.", SentimentLabel.Negative)]
    [InlineData("Niet aan te raden.", SentimentLabel.Negative)]
    [InlineData("Een aanrader voor iedereen die van vis houdt.", SentimentLabel.Positive)]
    [InlineData("Voor herhaling vatbaar.", SentimentLabel.Positive)]
    public void GenericReviewLanguageKeepsItsMeaning(string text, SentimentLabel expected) => Assert.Equal(expected, L(text));

    [Fact]
    public void TheNewRulesCanBeTurnedOff()
    {
        var off = new SentimentAnalyzer(SentimentOptions.Default with { Irony = 0, Recurrence = 0, Fault = 0, RecurrenceBoost = 1, ComplaintQuestion = 0, InformationQuestion = 1 });
        var r = off.Analyze("Top hoor, weer geen vuilniswagen gezien vandaag.");
        Assert.True(r.Contributions.Single(c => c.Text == "Top").Weight > 0);
        Assert.Equal(SentimentLabel.Neutral, off.Classify("De container is weer vol."));
    }

    [Theory]
    [InlineData("Top hoor, weer geen vuilniswagen gezien vandaag.")]
    [InlineData("@gemeente_polderstad al 3 keer gemeld, nog steeds niks gebeurd.")]
    [InlineData("Dag Els, vervelend om te horen. Waarom is de container weer vol? 🙄")]
    public void ContributionsStillAddUpToTheScore(string text)
    {
        var r = A.Analyze(text);
        Assert.Equal(r.Score, r.Contributions.Sum(c => c.Weight), 6);
        Assert.Equal(r.Score, A.Score(text), 10);
    }
}
