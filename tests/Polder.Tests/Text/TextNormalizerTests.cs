using System.Text;
using System.Text.RegularExpressions;
using Polder.Text;

namespace Polder.Tests.Text;

public class TextNormalizerTests
{
    private static readonly TextNormalizer Folding = new(NormalizerOptions.Default with { FoldDiacritics = true });

    [Theory]
    [InlineData("Hallo", "hallo")]
    [InlineData("KABINET", "kabinet")]
    [InlineData("Één", "één")]             // diacritics kept by default
    [InlineData("ÇA", "ça")]
    [InlineData("", "")]
    public void LowerCasesByDefault(string token, string expected) =>
        Assert.Equal(expected, TextNormalizer.Default.Normalize(token));

    [Fact]
    public void LowerCasingCanBeSwitchedOff()
    {
        var n = new TextNormalizer(NormalizerOptions.Default with { LowerCase = false });
        Assert.Equal("Hallo", n.Normalize("Hallo"));
        Assert.Equal("Heel", n.Normalize("Heeeel"));
    }

    [Theory]
    [InlineData("één", "een")]
    [InlineData("ideeën", "ideeen")]
    [InlineData("naïef", "naief")]
    [InlineData("café", "cafe")]
    [InlineData("Crème", "creme")]
    [InlineData("Straße", "strasse")]
    [InlineData("ĳsje", "ijsje")]          // the Dutch ij ligature is spelled out
    [InlineData("ĲSJE", "ijsje")]
    [InlineData("Œuvre", "oeuvre")]
    [InlineData("Ærø", "aero")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Şişli", "sisli")]
    [InlineData("Ångström", "angstrom")]
    [InlineData("e\u0301e\u0308n", "een")]  // decomposed accents are dropped
    [InlineData("Ǎ", "a")]                 // Latin Extended-B, via decomposition
    [InlineData("ḗ", "e")]                 // Latin Extended Additional
    [InlineData("άλφα", "αλφα")]           // Greek tonos
    [InlineData("×÷", "×÷")]               // Latin-1 symbols are not letters
    public void FoldsDiacriticsWhenAsked(string token, string expected) =>
        Assert.Equal(expected, Folding.Normalize(token));

    [Fact]
    public void FoldingWithoutLowerCasingKeepsCase()
    {
        var n = new TextNormalizer(NormalizerOptions.Default with { LowerCase = false, FoldDiacritics = true });
        Assert.Equal("Eeen IJsje Strasse", n.Normalize("Ëéén Ĳsje Straße"));
    }

    [Fact]
    public void HangulIsNotDecomposedByFolding() => Assert.Equal("한국어", Folding.Normalize("한국어"));

    [Theory]
    [InlineData("heeeel", "heel")]
    [InlineData("jaaaaaaa", "jaa")]
    [InlineData("HEEEEEL", "heel")]        // squashed after lower-casing
    [InlineData("heel", "heel")]           // legitimate doubles stay
    [InlineData("been", "been")]
    [InlineData("zooo", "zoo")]
    [InlineData("goeiemorgennnn", "goeiemorgenn")]
    [InlineData("!!!!!", "!!!!!")]         // only letters are squashed
    [InlineData("10000", "10000")]
    public void SquashesElongationsToTwo(string token, string expected) =>
        Assert.Equal(expected, TextNormalizer.Default.Normalize(token));

    [Theory]
    [InlineData("jaaaaa", "ja")]
    [InlineData("heeeel", "hel")]
    [InlineData("heel", "heel")]           // runs of two are not elongations
    public void SquashesElongationsToOneWhenAsked(string token, string expected)
    {
        var n = new TextNormalizer(NormalizerOptions.Default with { Elongation = ElongationSquashing.ToOne });
        Assert.Equal(expected, n.Normalize(token));
    }

    [Fact]
    public void SquashingCanBeSwitchedOff()
    {
        var n = new TextNormalizer(NormalizerOptions.Default with { Elongation = ElongationSquashing.None });
        Assert.Equal("heeeel", n.Normalize("heeeel"));
    }

    // The diaeresis separates vowels; folding it must not turn the word into an elongation.
    [Theory]
    [InlineData("ideeën", "ideeen")]
    [InlineData("zeeën", "zeeen")]
    [InlineData("Zeeën", "zeeen")]
    [InlineData("zeeëëën", "zeeeen")]     // the run of three ë is squashed to two, then folded
    public void RunsAreJudgedBeforeFolding(string token, string expected) =>
        Assert.Equal(expected, Folding.Normalize(token));

    [Theory]
    [InlineData("https://www.rijksoverheid.nl", TokenKind.Url, "<url>")]
    [InlineData("@MinPres", TokenKind.Mention, "<user>")]
    [InlineData("info@polder.nl", TokenKind.Email, "<email>")]
    [InlineData("3,5", TokenKind.Number, "<num>")]
    [InlineData("#Heeeerlijk", TokenKind.Hashtag, "#heerlijk")]   // hashtags are content by default
    [InlineData("19-12-2016", TokenKind.Date, "19-12-2016")]
    public void ReplacesTokenKindsWithPlaceholders(string token, TokenKind kind, string expected) =>
        Assert.Equal(expected, TextNormalizer.Default.Normalize(token, kind));

    [Fact]
    public void PlaceholdersCanBeChangedOrSwitchedOff()
    {
        var n = new TextNormalizer(NormalizerOptions.Default with
        {
            UrlPlaceholder = null, MentionPlaceholder = "@user", HashtagPlaceholder = "<tag>", NumberPlaceholder = "",
        });
        Assert.Equal("https://www.example.com/aaa", n.Normalize("HTTPS://WWW.Example.com/AAA", TokenKind.Url));   // identifiers are not squashed
        Assert.Equal("@user", n.Normalize("@Jjjjones", TokenKind.Mention));
        Assert.Equal("<tag>", n.Normalize("#corona", TokenKind.Hashtag));
        Assert.Equal("", n.Normalize("42", TokenKind.Number));
        Assert.Equal("<email>", n.Normalize("a@b.nl", TokenKind.Email));
    }

    [Theory]
    [InlineData(":D", TokenKind.Emoticon)]
    [InlineData("XD", TokenKind.Emoticon)]
    [InlineData("👍🏽", TokenKind.Emoji)]
    [InlineData("👨‍👩‍👧", TokenKind.Emoji)]
    public void EmojiAndEmoticonsAreCopiedUnchanged(string token, TokenKind kind)
    {
        Assert.Equal(token, TextNormalizer.Default.Normalize(token, kind));
        Assert.Equal(token, Folding.Normalize(token, kind));
    }

    [Theory]
    [InlineData("Superrr😂😂😂", "superr😂😂😂")]    // the emoji run is not an elongation of a letter
    [InlineData("Café☕️", "cafe☕️")]               // the variation selector stays
    [InlineData("1️⃣", "1️⃣")]                       // so does the keycap mark
    [InlineData("𝐀𝐁", "𝐀𝐁")]                        // mathematical letters have no lower case and are not folded
    [InlineData("𐐀", "𐐨")]                          // Deseret capital: a supplementary letter that does lower-case
    public void SurrogatePairsSurviveWordNormalisation(string token, string expected) =>
        Assert.Equal(expected, Folding.Normalize(token));

    [Fact]
    public void LoneSurrogatesAreCopied()
    {
        string token = "ab\uD83Dcd";
        Assert.Equal(token, Folding.Normalize(token));
    }

    [Fact]
    public void VeryLongTokensAreNormalisedWhole()
    {
        string token = "Ë" + new string('A', 100_000) + "ß";
        string result = Folding.Normalize(token);
        Assert.Equal("eaass", result);
        string noSquash = new TextNormalizer(NormalizerOptions.Default with { Elongation = ElongationSquashing.None, FoldDiacritics = true })
            .Normalize(token);
        Assert.Equal(100_003, noSquash.Length);
        Assert.StartsWith("eaaa", noSquash);
        Assert.EndsWith("ass", noSquash);
    }

    [Fact]
    public void SpanApiWritesIntoTheDestination()
    {
        Span<char> buffer = stackalloc char[32];
        int n = Folding.Normalize("Straße", TokenKind.Word, buffer);
        Assert.Equal("strasse", buffer[..n].ToString());
        n = Folding.Normalize("@iemand", TokenKind.Mention, buffer);
        Assert.Equal("<user>", buffer[..n].ToString());
    }

    [Fact]
    public void DestinationTooSmallIsAClearArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => Folding.Normalize("Straße", TokenKind.Word, new char[6]));
        Assert.Equal("destination", ex.ParamName);
        Assert.Contains("too small", ex.Message);
        Assert.Throws<ArgumentException>(() => Folding.Normalize("@a", TokenKind.Mention, new char[3]));
        Assert.Throws<ArgumentException>(() => Folding.Normalize(":D", TokenKind.Emoticon, new char[1]));
        Assert.Throws<ArgumentException>(() => Folding.Normalize("😂", TokenKind.Word, new char[1]));
        Assert.False(Folding.TryNormalize("hallo", TokenKind.Word, new char[4], out int written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void MaxOutputLengthIsEnough()
    {
        Assert.Equal(7, Folding.MaxOutputLength(2));      // "<email>" is the longest placeholder
        Assert.Equal(20, Folding.MaxOutputLength(10));    // every character could fold to two
        string worst = "ßæßæß";
        Span<char> buffer = stackalloc char[Folding.MaxOutputLength(worst.Length)];
        Assert.Equal(10, Folding.Normalize(worst, TokenKind.Word, buffer));
    }

    [Fact]
    public void ReturnsTheSameInstanceWhenNothingChanges()
    {
        const string token = "gewoon";
        Assert.Same(token, TextNormalizer.Default.Normalize(token));
    }

    [Fact]
    public void SpanApiDoesNotAllocate()
    {
        Span<char> buffer = stackalloc char[64];
        string[] tokens = ["Heeeel", "Straße", "ideeën", "Ǎ", "https://x.nl", "👍🏽"];
        foreach (var t in tokens) Folding.Normalize(t, TokenKind.Word, buffer);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
            foreach (var t in tokens) Folding.Normalize(t, TokenKind.Word, buffer);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    // Without folding, the result must be what the obvious slow recipe gives: lower-case, then shorten runs
    // of three or more of a letter. Random tokens mix ASCII (the vectorised path) with other letters.
    [Theory]
    [InlineData(ElongationSquashing.ToTwo, "$1$1")]
    [InlineData(ElongationSquashing.ToOne, "$1")]
    public void AgreesWithTheSlowRecipeOnRandomTokens(ElongationSquashing squashing, string replacement)
    {
        var normalizer = new TextNormalizer(NormalizerOptions.Default with { Elongation = squashing });
        var elongation = new Regex(@"(\p{L})\1{2,}");
        const string alphabet = "aAeEbBnN.!1 éÉëËçß-";
        var random = new Random(7);
        var sb = new StringBuilder();
        Span<char> buffer = stackalloc char[128];
        for (int i = 0; i < 20_000; i++)
        {
            sb.Clear();
            int n = random.Next(0, 12);
            for (int j = 0; j < n; j++) sb.Append(alphabet[random.Next(random.Next(2) == 0 ? 4 : alphabet.Length)]);
            string token = sb.ToString();
            string expected = elongation.Replace(token.ToLowerInvariant(), replacement);
            Assert.Equal(expected, buffer[..normalizer.Normalize(token, TokenKind.Word, buffer)].ToString());
        }
    }

    [Fact]
    public void UnknownElongationValueIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new TextNormalizer(NormalizerOptions.Default with { Elongation = (ElongationSquashing)7 }));
}
