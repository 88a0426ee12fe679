using Polder.Community;
using Polder.Community.Reading;
using Polder.Networks;
using Polder.Tests.Infrastructure;

namespace Polder.Tests.Networks;

/// <summary>The graphs the network tests share, read from ../shared/data.</summary>
internal static class NetworkData
{
    public const string Karate = "networks/karate_club_edges.csv";
    public const string KarateNodes = "networks/karate_club_nodes.csv";
    public const string LesMis = "networks/les_miserables_edges.csv";
    public const string Tweets = "community/political-tweets-2020-04.tsv";
    public const string Reddit = "community/reddit-emory-messages.csv";
    public const string CollegeMsg = "networks/CollegeMsg.txt";

    public static CsrGraph EdgeList(string rel, bool directed = false, string? columns = null) =>
        GraphBuilder.FromInteractions(InteractionEdgeLoader.ReadEdgeListFile(SharedData.PathOf(rel), columns),
            new InteractionGraphOptions { Directed = directed });

    /// <summary>Undirected weighted author → mentioned/retweeted handle graph; every author and handle a node.</summary>
    public static CsrGraph PoliticalTweets(out Dictionary<string, string> party, bool directed = false)
    {
        var community = Posts(Tweets, CommunityFormats.PoliticalTweets);
        party = PostInteractions.AuthorGroups(community, Actor.Party);
        return GraphBuilder.FromInteractions(PostInteractions.BetweenKnownActors(community), new InteractionGraphOptions
        {
            Directed = directed,
            Kinds = InteractionKind.Mention | InteractionKind.Retweet,
            ExtraActors = party.Keys.Order(StringComparer.Ordinal).ToList(),
        });
    }

    public static CsrGraph RedditReplies(bool directed = false) =>
        GraphBuilder.FromInteractions(PostInteractions.BetweenKnownActors(Posts(Reddit, CommunityFormats.RedditMessages)),
            new InteractionGraphOptions { Directed = directed, Kinds = InteractionKind.Reply });

    /// <summary>A shared data file of posts through the one community reader (as <c>polder network</c> reads it).</summary>
    public static OnlineCommunity Posts(string rel, PostMapping mapping) =>
        CommunityLoader.Load(SharedData.PathOf(rel), mapping, null, out _);

    public static void WriteEdges(CsrGraph g, string path)
    {
        using var w = new StreamWriter(path);
        w.WriteLine("source\ttarget\tweight");
        foreach (var (s, t, wt) in g.Edges())
            w.WriteLine($"{g.Label(s)}\t{g.Label(t)}\t{wt.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }
}
