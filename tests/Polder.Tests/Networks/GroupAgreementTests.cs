using Polder.Networks;

namespace Polder.Tests.Networks;

public class GroupAgreementTests
{
    [Fact]
    public void UnknownGroupsAreLeftOutAndTheGiantComponentIsMeasuredApart()
    {
        var b = new GraphBuilder();
        // giant component: a-b-c-d-e-f; small component: x-y
        foreach (var (s, t) in new[] { ("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "f"), ("x", "y") }) b.AddEdge(s, t);
        var g = b.Build(directed: false);
        var groups = new Dictionary<string, string>
        {
            ["a"] = "L", ["b"] = "L", ["c"] = "L", ["d"] = "R", ["e"] = "R", ["f"] = "", ["x"] = "L", ["y"] = "R",
        };
        // communities {a,b,c}, {d,e,f}, {x,y}
        var membership = g.Labels.Select(l => l is "a" or "b" or "c" ? 0 : l is "x" or "y" ? 2 : 1).ToArray();
        var r = GroupAgreement.Measure(g, membership, groups);
        Assert.Equal(7, r.LabelledNodes);   // f has no known group
        Assert.Equal(5, r.GiantLabelledNodes);
        Assert.Equal(1.0, r.GiantNmi, 12);   // inside the giant component communities match groups exactly
        Assert.Equal(1.0, r.GiantAri, 12);
        var comm = new[] { 0, 0, 0, 1, 1, 2, 2 };
        var grp = new[] { "L", "L", "L", "R", "R", "L", "R" };
        Assert.Equal(PartitionComparison.NormalizedMutualInformation(comm, grp), r.Nmi, 12);
        Assert.True(r.Nmi < 1);
        // assortativity over edges among labelled nodes: a-b, b-c, d-e same group; c-d, x-y across (e-f has an unlabelled end)
        var induced = GraphBuilder.FromArrays(7, new[] { 0, 1, 2, 3, 5 }, new[] { 1, 2, 3, 4, 6 }, [], directed: false);
        Assert.Equal(Assortativity.ByAttribute(induced, new[] { "L", "L", "L", "R", "R", "L", "R" }), r.Assortativity, 12);
    }
}
