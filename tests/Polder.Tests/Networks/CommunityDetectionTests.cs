using Polder.Networks;
using Polder.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Polder.Tests.Networks;

public class CommunityDetectionTests(ITestOutputHelper output)
{
    private static readonly int[] Seeds = [0, 1, 2, 3, 4];

    private (double Mean, CommunityPartition[] Runs) MeanModularity(CsrGraph g, string name, double leidenalgMean)
    {
        var runs = Seeds.Select(s => Leiden.Detect(g, new CommunityOptions { Seed = s })).ToArray();
        double mean = runs.Average(r => r.Quality);
        output.WriteLine($"{name}: nodes {g.NodeCount}, edges {g.EdgeCount}; Leiden modularity per seed "
            + string.Join(", ", runs.Select(r => r.Quality.ToString("F4"))) + $"; mean {mean:F4} (leidenalg mean {leidenalgMean:F4}); communities "
            + string.Join(", ", runs.Select(r => r.CommunityCount)));
        foreach (var r in runs)
        {
            Assert.True(CommunityConnectivity.AllConnected(g, r.Membership), "every Leiden community must be connected");
            Assert.Equal(r.Quality, Modularity.Of(g, r.Membership), 9);
        }
        return (mean, runs);
    }

    [SharedDataFact(NetworkData.Karate)]
    public void LeidenOnKarateReachesLeidenalg()
    {
        var (mean, _) = MeanModularity(NetworkData.EdgeList(NetworkData.Karate), "karate (weighted)", 0.4449);
        Assert.True(mean >= 0.4449 - 5e-5, $"mean modularity {mean:F4} < leidenalg 0.4449");
    }

    [SharedDataFact(NetworkData.LesMis)]
    public void LeidenOnLesMiserablesReachesLeidenalg()
    {
        var (mean, _) = MeanModularity(NetworkData.EdgeList(NetworkData.LesMis), "Les Misérables (weighted)", 0.5667);
        Assert.True(mean >= 0.5667 - 5e-5, $"mean modularity {mean:F4} < leidenalg 0.5667");
    }

    [SharedDataFact(NetworkData.Tweets)]
    public void LeidenOnPoliticalTweetsReachesLeidenalgAndFindsParties()
    {
        var g = NetworkData.PoliticalTweets(out var party);
        var (mean, runs) = MeanModularity(g, "political tweets mention/retweet (undirected, weighted)", 0.7496);
        Assert.True(mean >= 0.7494, $"mean modularity {mean:F4} < leidenalg on the same graph 0.7494");
        // leidenalg on exactly this graph (825 nodes, 1182 edges): mean 0.7494.
        // NMI against party over the authors whose party is known: PARTIJ "onbekend" (40 of the 162 authors: ministries,
        // party accounts, some MPs) is a missing label, not a party, and counting it as one group was what held NMI at 0.60.
        var agreements = runs.Select(r => GroupAgreement.Measure(g, r.Membership, party)).ToArray();
        double nmi = agreements.Average(x => x.Nmi), giantNmi = agreements.Average(x => x.GiantNmi);
        output.WriteLine($"NMI vs party over the {agreements[0].LabelledNodes} authors with a known party, per seed: "
            + string.Join(", ", agreements.Select(x => x.Nmi.ToString("F4"))) + $"; mean {nmi:F4} (issue: ≥ 0.74); ARI mean {agreements.Average(x => x.Ari):F4}");
        output.WriteLine($"NMI over the {agreements[0].GiantLabelledNodes} of them in the giant component: mean {giantNmi:F4}; ARI mean {agreements.Average(x => x.GiantAri):F4}");
        Assert.Equal(party.Count(x => x.Value.Length > 0), agreements[0].LabelledNodes);
        Assert.True(mean >= 0.7496 - 5e-5, $"mean modularity {mean:F4} < leidenalg 0.7496");
        Assert.True(nmi >= 0.74, $"NMI {nmi:F4} < 0.74");
    }

    [SharedDataFact(NetworkData.Reddit)]
    public void LeidenOnRedditRepliesReachesLeidenalg()
    {
        var (mean, _) = MeanModularity(NetworkData.RedditReplies(), "r/Emory replies (undirected, weighted)", 0.4082);
        Assert.True(mean >= 0.4082 - 5e-5, $"mean modularity {mean:F4} < leidenalg 0.4082");
        // leidenalg on exactly this graph (1602 nodes, 5052 edges, from `polder network ... --kind reply`): mean 0.4087.
        Assert.True(mean >= 0.4087 - 5e-5, $"mean modularity {mean:F4} < leidenalg on the same graph 0.4087");
    }

    [SharedDataFact(NetworkData.Karate, NetworkData.LesMis)]
    public void LouvainIsDeterministicPerSeedAndClose()
    {
        foreach (var rel in new[] { NetworkData.Karate, NetworkData.LesMis })
        {
            var g = NetworkData.EdgeList(rel);
            var a = Louvain.Detect(g, new CommunityOptions { Seed = 7 });
            var b = Louvain.Detect(g, new CommunityOptions { Seed = 7 });
            Assert.Equal(a.Membership, b.Membership);
            var l = Leiden.Detect(g, new CommunityOptions { Seed = 7 });
            Assert.Equal(l.Membership, Leiden.Detect(g, new CommunityOptions { Seed = 7 }).Membership);
            output.WriteLine($"{rel}: Louvain {a.Quality:F4} ({a.CommunityCount}), Leiden {l.Quality:F4} ({l.CommunityCount})");
            Assert.True(a.Quality > 0.4);
        }
    }
}
