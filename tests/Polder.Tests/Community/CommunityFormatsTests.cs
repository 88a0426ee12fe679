using Polder.Community.Reading;
using Polder.Prediction.Engagement;
using Polder.Tests.Infrastructure;

namespace Polder.Tests.Community;

/// <summary>The one format sniffer and the one reader behind every verb that reads posts.</summary>
public class CommunityFormatsTests
{
    [Theory]
    [InlineData("message_id,thread_id,parent_id,author,created,upvotes,title,text", "reddit")]
    [InlineData("\uFEFFmessage_id,thread_id,author,created,title,text", "reddit")]
    [InlineData("AUTEUR\tDATUM\tPARTIJ\tCONTENT", "political-tweets")]
    [InlineData("id,thread_id,parent_id,author,author_name,role,organisation_type,municipality,neighbourhood,time,kind,likes,shares,channel,text", "polder")]
    [InlineData("\"id\",\"author\",\"time\",\"text\"", "polder")]
    [InlineData("src,dst,weight", null)]
    [InlineData("1 2 1082040961", null)]
    public void One_sniffer_names_the_layout_of_a_header_or_none(string header, string? expected) =>
        Assert.Equal(expected, CommunityFormats.Sniff(header));

    [SharedDataFact("community/reddit-emory-messages.csv")]
    public void Engagement_posts_are_views_of_the_community_readers_posts_with_one_rule_for_empty_authors()
    {
        var path = SharedData.PathOf("community/reddit-emory-messages.csv");
        var posts = EngagementPost.ReadCsv(path);
        var community = CommunityLoader.Load(path, CommunityFormats.RedditMessages, null, out var report);
        Assert.Equal(report.Accepted, posts.Count);
        Assert.Equal(0, report.Rejected);
        // the same Post objects' values, not a second model: same ids, authors, times and texts in the same order
        Assert.Equal(community.Posts.Select(p => p.Id), posts.Select(p => p.Id));
        Assert.Equal(community.Posts, posts.Select(p => p.Post));
        // an empty reddit author is the reader's "[deleted]" everywhere (no actor "")
        Assert.DoesNotContain(posts, p => p.Author.Length == 0);
        Assert.Contains(posts, p => p.Author == "[deleted]");
    }
}
