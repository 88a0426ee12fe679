using System.Text;
using Polder.Community;
using Polder.Community.Reading;
using Polder.Community.Simulation;

namespace Polder.Tests.Community;

/// <summary>A big read keeps repeated values once (issue 17): ids, texts and mention lists are shared, the posts unchanged.</summary>
public class SharedValuesTests
{
    private static byte[] SimulatedCsv()
    {
        var ms = new MemoryStream();
        using (var w = new PolderCsvWriter(ms)) foreach (var r in CommunitySimulator.Stream(new SimulationOptions { Seed = 3, Days = 30 }, out _)) w.Write(r);
        return ms.ToArray();
    }

    private static OnlineCommunity Load(byte[] csv, out ReadReport report)
    {
        var records = CommunityLoader.Read(new MemoryStream(csv), "sim.csv", ".csv", CommunityFormats.PolderCsv, null, out report);
        return CommunityLoader.Build(records, report);
    }

    private static (Post Post, string Mentions, string Hashtags) Values(Post p) =>
        (p with { Mentions = [], Hashtags = [] }, string.Join(" ", p.Mentions), string.Join(" ", p.Hashtags));

    [Fact]
    public void A_read_shares_ids_texts_and_mentions_and_keeps_every_value()
    {
        var csv = SimulatedCsv();
        var community = Load(csv, out _);
        // the same rows through the public builder, without sharing: the posts are equal value for value (the lists by
        // their items: record equality compares list references, and each read makes its own)
        var plain = new CommunityBuilder();
        foreach (var r in CommunityLoader.Read(new MemoryStream(csv), "sim.csv", ".csv", CommunityFormats.PolderCsv, null, out _)) plain.Add(r);
        var expected = plain.Build();
        Assert.Equal(expected.Posts.Select(Values), community.Posts.Select(Values));
        Assert.Equal(expected.ThreadIds, community.ThreadIds);

        int sharedParents = 0, sharedThreads = 0, replies = 0;
        foreach (var p in community.Posts)
        {
            if (p.ParentId is { } parentId && community.FindPost(parentId) is { } parent)
            {
                replies++;
                if (ReferenceEquals(parent.Id, p.ParentId)) sharedParents++;
            }
            if (p.ThreadId is { } t && community.FindPost(t) is { } root && ReferenceEquals(root.Id, t)) sharedThreads++;
        }
        Assert.True(replies > 100, $"the simulation must have replies ({replies})");
        // a reply's parent comes before it in the simulated file, so every one shares its parent's id
        Assert.Equal(replies, sharedParents);
        Assert.True(sharedThreads > community.Posts.Count / 2, $"{sharedThreads} of {community.Posts.Count} thread ids shared");

        var byText = community.Posts.GroupBy(p => p.Text, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(byText);
        foreach (var g in byText) Assert.All(g, p => Assert.Same(g.First().Text, p.Text));
        var oneMention = community.Posts.Where(p => p.Mentions.Count == 1).GroupBy(p => p.Mentions[0], StringComparer.Ordinal).First(g => g.Count() > 1);
        Assert.All(oneMention, p => Assert.Same(oneMention.First().Mentions, p.Mentions));
    }

    [Fact]
    public void A_builder_reused_after_build_keeps_both_communities_right()
    {
        var t0 = new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var b = new CommunityBuilder();
        Assert.True(b.Add(new Post { Id = "b", AuthorId = "x", Time = t0.AddHours(1) }));
        Assert.True(b.Add(new Post { Id = "a", AuthorId = "y", Time = t0, ParentId = "b" }));
        var first = b.Build();
        Assert.False(b.Add(new Post { Id = "a", AuthorId = "z", Time = t0 }));   // still a duplicate after Build
        Assert.True(b.Add(new Post { Id = "c", AuthorId = "z", Time = t0.AddHours(2), ParentId = "a" }));
        var second = b.Build();

        Assert.Equal(new[] { "a", "b" }, first.Posts.Select(p => p.Id));
        Assert.Equal("y", first.FindPost("a")!.AuthorId);
        Assert.Null(first.FindPost("c"));
        Assert.Equal(new[] { "a", "b", "c" }, second.Posts.Select(p => p.Id));
        Assert.Equal("z", second.FindPost("c")!.AuthorId);
        Assert.Equal(2, second.DepthOfPost("c"));
    }

    [Fact]
    public void The_string_pool_shares_repeats_and_stays_bounded()
    {
        var pool = new Utf8StringPool(maxEntries: 4, maxBytes: 16);
        var a = pool.Get("straat"u8);
        Assert.Same(a, pool.Get("straat"u8));
        Assert.Equal("één", pool.Get(Encoding.UTF8.GetBytes("één")));
        // more distinct values than the pool holds: every value still decodes right, the pool starts afresh
        for (int i = 0; i < 10; i++) Assert.Equal("v" + i, pool.Get(Encoding.UTF8.GetBytes("v" + i)));
        Assert.Equal("straat", pool.Get("straat"u8));
        var longer = "a text longer than sixteen bytes";
        Assert.Equal(longer, pool.Get(Encoding.UTF8.GetBytes(longer)));
        Assert.Equal("", pool.Get([]));
    }

    [Fact]
    public void A_second_read_with_known_actors_shares_the_first_reads_actors_and_reads_the_same_posts()
    {
        var csv = SimulatedCsv();
        var first = CommunityLoader.Read(new MemoryStream(csv), "sim.csv", ".csv", CommunityFormats.PolderCsv, null, out _).ToList();
        var known = new Dictionary<string, Actor>(StringComparer.Ordinal);
        foreach (var r in first) known.TryAdd(r.Author.Id, r.Author);
        var options = new ReadOptions { KnownActors = id => known.GetValueOrDefault(id) };
        var second = CommunityLoader.Read(new MemoryStream(csv), "sim.csv", ".csv", CommunityFormats.PolderCsv, options, out var report).ToList();

        Assert.Equal(first.Count, report.Accepted);
        Assert.Equal(first.Select(r => Values(r.Post)), second.Select(r => Values(r.Post)));
        Assert.Equal(first.Select(r => r.Author), second.Select(r => r.Author));
        // the authors are the known objects, and author and mentioned ids are the known actors' id strings
        Assert.All(second, r => Assert.Same(known[r.Author.Id], r.Author));
        Assert.All(second, r => Assert.Same(known[r.Post.AuthorId].Id, r.Post.AuthorId));
        var mentions = second.SelectMany(r => r.Post.Mentions).Where(known.ContainsKey).ToList();
        Assert.NotEmpty(mentions);
        Assert.All(mentions, m => Assert.Same(known[m].Id, m));
    }
}
