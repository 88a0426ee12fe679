using System.Globalization;
using System.Text.Json;
using Polder.Community;
using Polder.Community.Reading;
using Polder.Networks;
using Polder.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Polder.Tests.Networks;

/// <summary>Sliding-window graphs, reply/retweet/quote cascades from posts, and the CLI outputs built on them.</summary>
public class WindowsAndPostCascadesTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset T0 = new(2020, 4, 6, 12, 0, 0, TimeSpan.Zero);

    private static Post P(string id, string author, int minutes, PostKind kind = PostKind.Post, string? parent = null, string text = "", string? from = null) =>
        new() { Id = id, AuthorId = author, Time = T0.AddMinutes(minutes), Kind = kind, ParentId = parent, Text = text, SharedFromId = from };

    [Fact]
    public void PostCascadesMeasureRepliesRetweetsAndQuotes()
    {
        Post[] posts =
        [
            P("r", "ann", 0, text: "Het park ligt vol afval"),
            P("a", "bob", 10, PostKind.Reply, "r"),
            P("b", "cas", 20, PostKind.Reply, "a"),
            P("c", "dirk", 30, PostKind.Reply, "a"),
            P("d", "eva", 90, PostKind.Reply, "r"),
            P("rt1", "bob", 5, PostKind.Retweet, text: "RT @ann: Het  park ligt vol AFVAL", from: "ann"),   // matches r (spacing, case)
            P("rt2", "cas", 65, PostKind.Retweet, text: "RT @ann: Het park ligt vol afval", from: "ann"),
            P("rt3", "eva", 100, PostKind.Retweet, text: "RT @zed: iets dat niet in de data staat", from: "zed"),
            P("rt4", "bob", 160, PostKind.Retweet, text: "RT @zed: iets dat niet in de data staat", from: "zed"),
            P("q", "fay", 45, PostKind.Quote, "r", "Klopt!"),
        ];
        var s = PostCascades.Measure(posts).ToDictionary(x => x.Kind);
        var reply = Assert.Single(s["reply"].Cascades);
        Assert.Equal(("r", 5, 2, 600L, 5400L), (reply.RootId, reply.Size, reply.Depth, reply.FirstResponseSeconds!.Value, reply.DurationSeconds));
        Assert.Equal(4, s["reply"].Responses);
        var rts = s["retweet"];
        Assert.Equal(2, rts.Cascades.Count);
        Assert.Equal(4, rts.Responses);
        Assert.Equal(1, rts.RootsInData);
        var known = rts.Cascades.Single(c => c.RootId == "r");
        Assert.Equal((3, 1, 300L, 3900L), (known.Size, known.Depth, known.FirstResponseSeconds!.Value, known.DurationSeconds));
        var outside = rts.Cascades.Single(c => c.RootId != "r");
        Assert.Equal(("zed", 3, 3600L), (outside.RootAuthor, outside.Size, outside.DurationSeconds));   // stand-in root at the first retweet
        Assert.Equal(300, rts.MedianFirstResponseSeconds);   // only cascades whose root is in the data
        var quote = Assert.Single(s["quote"].Cascades);
        Assert.Equal(("r", 2, 2700L), (quote.RootId, quote.Size, quote.FirstResponseSeconds!.Value));
    }

    [Fact]
    public void WindowsHoldOnlyTheirActiveActorsAndInteractions()
    {
        const long day = 86_400;
        var edges = new List<InteractionEdge>
        {
            new("a", "b", InteractionKind.Retweet, 1_000), new("b", "c", InteractionKind.Mention, 1_000 + day),
            new("c", "d", InteractionKind.Retweet, 1_000 + 2 * day), new("d", "e", InteractionKind.Retweet, 1_000 + 2 * day + 5),
            new("x", "y", InteractionKind.Retweet, 0),   // untimed: left out of windows
        };
        var w = InteractionWindows.Slide(edges, new InteractionGraphOptions { Kinds = InteractionKind.Retweet }, 2 * day, day).ToList();
        Assert.Equal(3, w.Count);
        Assert.Equal([1_000, 1_000 + day, 1_000 + 2 * day], w.Select(x => x.Start));
        Assert.Equal([1, 2, 2], w.Select(x => x.Interactions));
        Assert.Equal(["a,b", "c,d,e", "c,d,e"], w.Select(x => string.Join(",", x.Graph.Labels.Order(StringComparer.Ordinal))));
        Assert.Equal(7 * day, InteractionWindows.ParseDuration("7d"));
        Assert.Equal(90, InteractionWindows.ParseDuration("90"));
        Assert.Throws<FormatException>(() => InteractionWindows.ParseDuration("-1d"));
    }

    [SharedDataFact(NetworkData.Tweets)]
    public void CliWritesWindowsAndTweetCascades()
    {
        var dir = Path.Combine(Path.GetTempPath(), "polder-network-windows-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, stdout, stderr) = CliRunner.Run("", "network", SharedData.PathOf(NetworkData.Tweets), "--kind", "mention,retweet",
                "--window", "2d", "--step", "1d", "--directed", "--kind-weights", "retweet=2", "--path-length", "inverse-weight", "--out", dir);
            Assert.True(code == 0, stderr);
            output.WriteLine(stdout);
            var rows = File.ReadAllLines(Path.Combine(dir, "windows.csv"));
            foreach (var r in rows) output.WriteLine(r);
            Assert.Equal("start,end,interactions,nodes,edges,modularity,communities,top_actor,top_pagerank", rows[0]);
            Assert.Equal(7, rows.Length - 1);   // 6–12 April: a window starting on each day
            var posts = NetworkData.Posts(NetworkData.Tweets, CommunityFormats.PoliticalTweets);
            var edges = PostInteractions.BetweenKnownActors(posts).Where(e => e.Kind is InteractionKind.Mention or InteractionKind.Retweet).ToList();
            foreach (var r in rows.Skip(1))
            {
                var f = r.Split(',');
                long start = DateTimeOffset.Parse(f[0], CultureInfo.InvariantCulture).ToUnixTimeSeconds(), end = start + 2 * 86_400;
                Assert.Equal(edges.Count(e => e.Time >= start && e.Time < end), int.Parse(f[2], CultureInfo.InvariantCulture));
            }
            Assert.All(rows.Skip(1), r => Assert.InRange(double.Parse(r.Split(',')[5], CultureInfo.InvariantCulture), 0.5, 1));
            var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json"))).RootElement;
            Assert.True(summary.GetProperty("directed").GetBoolean());
            Assert.Equal(summary.GetProperty("edges").GetInt32(), File.ReadAllLines(Path.Combine(dir, "edges.csv")).Length - 1);
            var rt = summary.GetProperty("post_cascades").GetProperty("retweet");
            output.WriteLine(rt.ToString()[..Math.Min(600, rt.ToString().Length)]);
            // every retweet is a response in its cascade, also the 70 self-retweets that give no interaction edge
            Assert.Equal(posts.Posts.Count(p => p.Kind == PostKind.Retweet), rt.GetProperty("responses").GetInt32());
            Assert.True(rt.GetProperty("roots_in_data").GetInt32() > 100);
            Assert.Equal(122, summary.GetProperty("group_labelled_nodes").GetInt32());
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }
}
