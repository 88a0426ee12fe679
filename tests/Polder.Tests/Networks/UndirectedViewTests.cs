using Polder.Community;
using Polder.Networks;
using Polder.Tests.Behaviour.States;
using Polder.Tests.Infrastructure;

namespace Polder.Tests.Networks;

/// <summary>
/// <see cref="CsrGraph.ToUndirected"/> merges each node's out- and in-row: it must be the graph
/// <see cref="GraphBuilder.FromArrays"/> builds undirected from the same directed edges (u–v weighing u→v plus v→u),
/// row for row and weight for weight, also when the weights are not whole numbers.
/// </summary>
public class UndirectedViewTests
{
    private static void AssertSameAsBuiltUndirected(CsrGraph directed)
    {
        var edges = directed.Edges().ToList();
        var expected = GraphBuilder.FromArrays(directed.NodeCount, edges.Select(e => e.Source).ToArray(), edges.Select(e => e.Target).ToArray(),
            edges.Select(e => e.Weight).ToArray(), directed: false, directed.Labels.ToArray());
        var actual = directed.ToUndirected();
        Assert.True(edges.Any(e => directed.EdgeWeight(e.Target, e.Source) > 0), "the graph must have reciprocal edges, which merge");
        Assert.False(actual.IsDirected);
        Assert.Equal(expected.Labels, actual.Labels);
        Assert.Equal(expected.EdgeCount, actual.EdgeCount);
        Assert.Equal(expected.TotalWeight, actual.TotalWeight);
        for (int v = 0; v < expected.NodeCount; v++)
        {
            Assert.Equal(expected.OutNeighbors(v).ToArray(), actual.OutNeighbors(v).ToArray());
            Assert.Equal(expected.OutEdgeWeights(v).ToArray(), actual.OutEdgeWeights(v).ToArray());
        }
    }

    [Fact]
    public void A_simulated_community_with_fractional_kind_weights()
    {
        var b = new CommunityBuilder();
        foreach (var r in CommunityStateMergeTests.Simulated(11, days: 40)) b.Add(r);
        // fractional weights: the merged u–v weights are sums that are not whole numbers
        var directed = GraphBuilder.FromInteractions(PostInteractions.BetweenKnownActors(b.Build()), new InteractionGraphOptions
        {
            KindWeights = new Dictionary<InteractionKind, double> { [InteractionKind.Reply] = 0.7, [InteractionKind.Mention] = 1.3 },
        });
        Assert.Contains(directed.Edges(), e => e.Weight != Math.Round(e.Weight));
        AssertSameAsBuiltUndirected(directed);
    }

    [SharedDataFact(NetworkData.CollegeMsg)]
    public void The_college_messages() => AssertSameAsBuiltUndirected(NetworkData.EdgeList(NetworkData.CollegeMsg, directed: true));
}
