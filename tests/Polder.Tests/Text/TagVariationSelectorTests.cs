using Polder.Community;
using Polder.Text;

namespace Polder.Tests.Text;

/// <summary>
/// An emoji variation selector (U+FE0F) glued to a handle, as in a real politician's tweet "@DaVinciCollege️mensen",
/// ends the handle: it belongs to the emoji look, not to the name.
/// </summary>
public class TagVariationSelectorTests
{
    private const string Tweet = "Dank aan de @DaVinciCollege\uFE0Fmensen en #zorg\uFE0Fhelden!";

    [Fact]
    public void The_tokenizer_ends_a_mention_and_a_hashtag_at_a_variation_selector()
    {
        var tokens = DutchTokenizer.Default.Tokenize(Tweet);
        var mention = Assert.Single(tokens, t => t.Kind == TokenKind.Mention);
        Assert.Equal("@DaVinciCollege", mention.Slice(Tweet).ToString());
        var hashtag = Assert.Single(tokens, t => t.Kind == TokenKind.Hashtag);
        Assert.Equal("#zorg", hashtag.Slice(Tweet).ToString());
        // the rest is a word of its own (the selector leads it: it is a combining mark, so no gap)
        Assert.Contains(tokens, t => t.Kind == TokenKind.Word && t.Slice(Tweet).ToString().TrimStart('\uFE0F') == "mensen");
        // non-destructive: tokens and gaps still give back the text, in order and without overlap
        int end = 0;
        foreach (var t in tokens) { Assert.True(t.Start >= end); end = t.Start + t.Length; }
    }

    [Fact]
    public void SocialText_follows_the_same_rule()
    {
        Assert.Equal(["DaVinciCollege"], SocialText.Mentions(Tweet));
        // a word character that is no selector still continues the name
        Assert.Equal(["gemeenteÜtrecht"], SocialText.Mentions("Vraag aan @gemeenteÜtrecht"));
    }
}
