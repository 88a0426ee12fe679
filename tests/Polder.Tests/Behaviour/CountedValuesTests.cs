using Polder.Behaviour;
using Polder.Community.Simulation;

namespace Polder.Tests.Behaviour;

public class CountedValuesTests
{
    [Fact]
    public void Reads_as_the_sorted_list_and_gives_its_quantiles()
    {
        // the thread sizes of a simulated community, as the state snapshot counts them
        var records = CommunitySimulator.Run(new SimulationOptions { Seed = 5, Days = 20, ThreadsPerDay = 40, KeepText = false }).Records;
        var sizes = records.GroupBy(r => r.Post.ThreadId ?? r.Post.Id).Select(g => g.Count()).ToList();
        var counted = new CountedValues();
        foreach (int s in sizes) counted.Add(s);
        var sorted = sizes.Select(s => (double)s).Order().ToList();

        Assert.True(sorted.Distinct().Count() > 3, "the sizes must vary");
        Assert.Equal(sorted, counted);
        foreach (double q in new[] { 0, 0.1, 0.5, 0.9, 0.99, 1 })
            Assert.Equal(Statistics.Quantile(sorted, q), Statistics.Quantile(counted, q));
        counted.Add(1000);   // adding after reading re-sorts
        Assert.Equal(1000, counted[^1]);
        Assert.True(double.IsNaN(Statistics.Quantile(new CountedValues(), 0.5)));
    }
}
