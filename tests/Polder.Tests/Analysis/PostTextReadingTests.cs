using Polder.Analysis;
using Polder.Community.Simulation;

namespace Polder.Tests.Analysis;

/// <summary>
/// A live text state fed readings made beforehand, in parallel (<see cref="PostTextReading.Of"/>, as the service's HTTP
/// handler reads a batch before the grain's turn), is the state that reads each post itself: same compact form, same
/// windows.
/// </summary>
public class PostTextReadingTests
{
    [Fact]
    public void Readings_made_in_parallel_give_the_state_that_reads_each_post_itself()
    {
        var (records, _) = CommunitySimulator.Run(new SimulationOptions { Seed = 11, Days = 10 });
        Assert.True(records.Count > 200, "the simulated community must have posts to read");
        var analyzer = TextAnalyzer.Default;

        var itself = new LiveTextState();
        foreach (var r in records) itself.Add(r.Post, analyzer);

        var readings = new PostTextReading[records.Count];
        Parallel.For(0, records.Count, i => readings[i] = PostTextReading.Of(records[i].Post, analyzer));
        var given = new LiveTextState();
        for (int i = 0; i < records.Count; i++) given.Add(records[i].Post, readings[i]);

        Assert.Equal(itself.ToBytes(), given.ToBytes());
        Assert.Contains(readings, r => r.Topic is not null);
        Assert.Contains(readings, r => r.Sentiment != Polder.Sentiment.SentimentLabel.Neutral);
    }
}
