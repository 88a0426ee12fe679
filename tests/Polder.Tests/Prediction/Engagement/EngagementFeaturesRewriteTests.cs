using Polder.Community;
using Polder.Community.Simulation;
using Polder.Prediction.Engagement;
using Polder.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Polder.Tests.Prediction.Engagement;

/// <summary>
/// The dense-index engagement features (one pass over integer columns) against the string-keyed original kept in
/// <see cref="LegacyEngagementFeatures"/>: every feature of every post, bit for bit, and the labels, on real communities
/// (reddit threads, political tweets with @mentions) and on the simulator's webcare community.
/// </summary>
public class EngagementFeaturesRewriteTests(ITestOutputHelper output)
{
    private const string Reddit = "community/reddit-emory-messages.csv";
    private const string Tweets = "community/political-tweets-2020-04.tsv";

    [SharedDataFact(Reddit)]
    public void RedditFeaturesEqualTheOriginal() => _ = AssertSame(EngagementPost.ReadCsv(SharedData.PathOf(Reddit)));

    [SharedDataFact(Tweets)]
    public void TweetFeaturesEqualTheOriginal() => _ = AssertSame(EngagementPost.ReadCsv(SharedData.PathOf(Tweets)));

    [Fact]
    public void SimulatedFeaturesEqualTheOriginal()
    {
        var (records, _) = CommunitySimulator.Run(new SimulationOptions { Seed = 5, Days = 45 });
        var builder = new CommunityBuilder();
        foreach (var r in records) builder.Add(r);
        var community = builder.Build();
        var posts = EngagementPost.From(community);
        var x = AssertSame(posts);
        // webcare answers the citizens who address it: the mention history is exercised, not just its default
        int d = EngagementFeatures.Count, column = EngagementFeatures.Names.ToList().IndexOf("mentioned_answer_rate");
        Assert.Contains(Enumerable.Range(0, posts.Length), i => x[i * d + column] > 0.5f);
        // the forecast layer's path: the index straight from the community, without a view per post
        var index = EngagementIndex.Of(community);
        var rows = Enumerable.Range(0, posts.Length).Where(i => i % 3 == 1).Reverse().ToArray();
        AssertBits(EngagementFeatures.Build(posts, rows), EngagementFeatures.Build(index, rows, 86400), "community index");
        Assert.Equal(EngagementFeatures.Labels(posts), index.Labels(86400));
    }

    [Fact]
    public void EqualTiesAndRepeatedIdsKeepTheOriginalOrder()
    {
        // same second, ids out of ordinal order, a repeated id, an unknown parent, an empty author and a self-reply
        EngagementPost P(string id, string thread, string parent, string author, long t, string text = "hi") => new(id, thread, parent, author, t, "", text);
        var posts = new List<EngagementPost>
        {
            P("b", "b", "", "x", 1000, "@Y question?"), P("a", "a", "", "", 1000), P("c", "b", "b", "y", 1000),
            P("c", "b", "b", "x", 1200), P("d", "b", "c", "x", 1300, "thanks"), P("e", "zz", "gone", "", 1300),
            P("f", "a", "a", "", 90_000), P("g", "b", "d", "Y", 200_000, "@x you"), P("h", "b", "g", "x", 300_000),
            // mentions in any case, repeated, after a letter (an e-mail address) or another '@'; words and '?' at the edges
            P("i", "b", "h", "z", 300_010, "Mail a@b.nl, @Y @y @@x @ @Zed_1!! Thank you. Who?  \n"), P("j", "b", "i", "y", 300_020, "@z: ik dank je"),
            new("k", "k", "", "zed_1", 300_030, "Waarom?", "  "), P("l", "k", "k", "Zed_1", 300_040, ""), P("m", "k", "l", "q", 300_050, "hoi @@x"),
            P("n", "k", "m", "q", 300_060, "mail q@x.nl"),
        };
        _ = AssertSame(posts);
    }

    private float[] AssertSame(IReadOnlyList<EngagementPost> posts)
    {
        var labels = EngagementFeatures.Labels(posts);
        Assert.Equal(LegacyEngagementFeatures.Labels(posts, 86400), labels);
        var all = EngagementFeatures.Build(posts);
        AssertBits(LegacyEngagementFeatures.BuildOwn(posts, 86400), all, "all rows");
        // a subset in scrambled order, as the forecast layer asks for its samples
        var rows = Enumerable.Range(0, posts.Count).Where(i => i % 7 is 0 or 3).OrderBy(i => (i * 7919) % 1013).ToArray();
        var slot = new int[posts.Count];
        Array.Fill(slot, -1);
        for (int k = 0; k < rows.Length; k++) slot[rows[k]] = k;
        AssertBits(LegacyEngagementFeatures.BuildOwn(posts, 86400, slot, rows.Length), EngagementFeatures.Build(posts, rows), "subset");
        output.WriteLine($"{posts.Count} posts, {labels.Count(b => b)} replied within 24 h: {all.Length} features identical");
        return all;
    }

    private static void AssertBits(float[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        int d = EngagementFeatures.Count;
        for (int i = 0; i < expected.Length; i++)
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                Assert.Fail($"{what}: row {i / d}, feature {EngagementFeatures.Names[i % d]}: {expected[i]} expected, {actual[i]} built");
    }
}
