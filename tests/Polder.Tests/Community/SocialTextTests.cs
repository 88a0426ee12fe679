using Polder.Community;
using Polder.Community.Reading;

namespace Polder.Tests.Community;

public class SocialTextTests
{
    [Fact]
    public void Mentions_skip_emails_and_keep_each_handle_once()
    {
        Assert.Equal(["gemeente_Utrecht", "RTV_Utrecht"], SocialText.Mentions("@gemeente_Utrecht info@gemeente.nl zie @RTV_Utrecht en @gemeente_Utrecht"));
        Assert.Equal(3, SocialText.CountMentions("@a @a x@b (@c)"));
        Assert.Empty(SocialText.Mentions("@ alleen @@dubbel"));
    }

    [Fact]
    public void Mentions_and_hashtags_follow_the_tokenizers_rule()
    {
        // the tokenizer cuts "@gemeenteÜtrecht" and "#straßenbahn" whole; SocialText used to stop a handle at the first non-ASCII letter
        const string text = "Vraag aan @gemeenteÜtrecht over #straßenbahn en @jan_de_Vries.";
        var tokens = Polder.Text.DutchTokenizer.Default.Tokenize(text);
        Assert.Equal(tokens.Where(t => t.Kind == Polder.Text.TokenKind.Mention).Select(t => t.GetText(text)[1..]), SocialText.Mentions(text));
        Assert.Equal(tokens.Where(t => t.Kind == Polder.Text.TokenKind.Hashtag).Select(t => t.GetText(text)[1..]), SocialText.Hashtags(text));
        Assert.Equal(["gemeenteÜtrecht", "jan_de_Vries"], SocialText.Mentions(text));
    }

    [Fact]
    public void Hashtags_skip_html_entities_and_allow_accents()
    {
        Assert.Equal(["afval", "café2024"], SocialText.Hashtags("Vol! #afval &#39; #café2024 a#b"));
    }

    [Fact]
    public void Twitter_export_prefix_and_retweets()
    {
        Assert.True(SocialText.TrySplitAuthorPrefix("Jan (de) Vries (@janvries): RT @x_y: hallo", out var name, out var handle, out var body));
        Assert.Equal(("Jan (de) Vries", "janvries", "RT @x_y: hallo"), (name.ToString(), handle.ToString(), body.ToString()));
        Assert.True(SocialText.TrySplitRetweet(body, out var src, out var text));
        Assert.Equal(("x_y", "hallo"), (src.ToString(), text.ToString()));
        Assert.False(SocialText.TrySplitAuthorPrefix("geen prefix hier", out _, out _, out _));
        Assert.False(SocialText.TrySplitRetweet("RT zonder handle", out _, out _));
    }

    [Fact]
    public void Formats_are_detected_from_the_header()
    {
        Assert.Same(CommunityFormats.RedditMessages, CommunityFormats.Detect("message_id,thread_id,parent_id,author,created,upvotes,title,text"));
        Assert.Same(CommunityFormats.PoliticalTweets, CommunityFormats.Detect("AUTEUR\tDATUM\tPARTIJ\tCONTENT"));
        Assert.Same(CommunityFormats.PolderCsv, CommunityFormats.Detect(string.Join(',', CommunityFormats.PolderCsvColumns)));
    }
}
