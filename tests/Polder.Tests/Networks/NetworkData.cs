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
        party = new Dictionary<string, string>(StringComparer.Ordinal);
        var edges = InteractionEdgeLoader.ReadPoliticalTweetsFile(SharedData.PathOf(Tweets), party);
        return GraphBuilder.FromInteractions(edges, new InteractionGraphOptions
        {
            Directed = directed,
            Kinds = InteractionKind.Mention | InteractionKind.Retweet,
            ExtraActors = party.Keys.Order(StringComparer.Ordinal).ToList(),
        });
    }

    public static CsrGraph RedditReplies(bool directed = false) =>
        GraphBuilder.FromInteractions(InteractionEdgeLoader.ReadRedditMessagesFile(SharedData.PathOf(Reddit)),
            new InteractionGraphOptions { Directed = directed, Kinds = InteractionKind.Reply });

    public static void WriteEdges(CsrGraph g, string path)
    {
        using var w = new StreamWriter(path);
        w.WriteLine("source\ttarget\tweight");
        foreach (var (s, t, wt) in g.Edges())
            w.WriteLine($"{g.Label(s)}\t{g.Label(t)}\t{wt.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }
}
