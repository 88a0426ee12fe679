using Polder.Analysis;
using Polder.Behaviour.States;
using Polder.Community;
using Polder.Community.Reading;
using Polder.Networks;
using Polder.Tests.Behaviour.States;
using Polder.Tests.Infrastructure;

namespace Polder.Tests.Analysis;

/// <summary>
/// The streamed analysis builds its interaction graph from the state's actor indexes (<see cref="StateInteractionGraph"/>):
/// it must be the graph the in-memory analysis builds with <see cref="GraphBuilder.FromInteractions"/> from the posts'
/// interactions between known actors, node for node (labels in order), edge for edge, weight for weight.
/// </summary>
public class StateInteractionGraphTests
{
    private const string Reddit = "community/reddit-emory-messages.csv";
    private const string Tweets = "community/political-tweets-2020-04.tsv";

    private static void AssertSameGraph(IReadOnlyList<PostRecord> records)
    {
        var state = new CommunityState();
        foreach (var r in records) state.Add(r);
        var b = new CommunityBuilder();
        foreach (var r in records) b.Add(r);
        var expected = GraphBuilder.FromInteractions(PostInteractions.BetweenKnownActors(b.Build()), new InteractionGraphOptions { Directed = true });

        var actual = StateInteractionGraph.Of(state);
        Assert.True(expected.EdgeCount > 100, "the community must have a network to compare");
        Assert.True(actual.IsDirected);
        Assert.Equal(expected.Labels, actual.Labels);
        Assert.Equal(expected.Edges(), actual.Edges());
        for (int v = 0; v < expected.NodeCount; v++)
        {
            Assert.Equal(expected.InNeighbors(v).ToArray(), actual.InNeighbors(v).ToArray());
            Assert.Equal(expected.InEdgeWeights(v).ToArray(), actual.InEdgeWeights(v).ToArray());
        }
    }

    [Fact]
    public void A_simulated_community_out_of_time_order_gives_the_graph_of_its_interactions()
    {
        // the simulator writes thread by thread: the state's index order is not the time order that numbers the nodes
        var records = CommunityStateMergeTests.Simulated(5, days: 40);
        Assert.Contains(records, r => r.Post.Time < records[0].Post.Time);
        AssertSameGraph(records);
    }

    [Fact]
    public void The_sample_gives_the_graph_of_its_interactions() => AssertSameGraph(CommunityStateMergeTests.Sample());

    [SharedDataFact(Reddit)]
    public void The_reddit_community_with_its_deleted_authors_gives_the_graph_of_its_interactions()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var records = CommunityLoader.Read(SharedData.PathOf(Reddit), CommunityFormats.RedditMessages, null, out _)
            .Where(r => seen.Add(r.Post.Id)).ToList();
        Assert.Contains(records, r => PostInteractions.IsUnknownAuthor(r.Post.AuthorId));
        AssertSameGraph(records);
    }

    [SharedDataFact(Tweets)]
    public void The_political_tweets_with_their_retweets_give_the_graph_of_their_interactions()
    {
        // a retweet carries the original author's @handles, which are not the retweeter's interactions
        var records = CommunityLoader.Read(SharedData.PathOf(Tweets), CommunityFormats.PoliticalTweets, null, out _).ToList();
        Assert.Contains(records, r => r.Post.Kind == PostKind.Retweet && r.Post.Mentions.Count > 0);
        AssertSameGraph(records);
    }
}
