using System.Security.Cryptography;
using Polder.Behaviour;
using Polder.Community;
using Polder.Community.Reading;
using Polder.Community.Simulation;

namespace Polder.Tests.Community.Simulation;

public class CommunitySimulatorTests
{
    private static byte[] Csv(SimulationOptions o)
    {
        var ms = new MemoryStream();
        using (var w = new PolderCsvWriter(ms)) foreach (var r in CommunitySimulator.Stream(o, out _)) w.Write(r);
        return ms.ToArray();
    }

    [Fact]
    public void Same_seed_same_bytes_other_seed_other_bytes()
    {
        var o = new SimulationOptions { Seed = 7, Days = 20 };
        var a = SHA256.HashData(Csv(o));
        var b = SHA256.HashData(Csv(o));
        var c = SHA256.HashData(Csv(o with { Seed = 8 }));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Metrics_recover_the_planted_parameters()
    {
        var o = new SimulationOptions { Seed = 11, Days = 365, ThreadsPerDay = 40, MedianResponseHours = 5, ResponseSigma = 0.9, ResponseProbability = 0.7 };
        var (records, truth) = CommunitySimulator.Run(o);
        var b = new CommunityBuilder();
        foreach (var r in records) Assert.True(b.Add(r));
        var community = b.Build();
        var report = BehaviourAnalyzer.Analyze(community);
        Assert.Equal(ResponderMode.Organisation, report.ResponderMode);

        // exact: every planted conversation is found, and the measured waits are the drawn waits
        Assert.Equal(truth.Conversations, report.FirstResponse.Conversations);
        Assert.Equal(truth.Answered, report.FirstResponse.Answered);
        var measured = report.Conversations.Where(c => c.Answered).Select(c => c.Wait!.Value.TotalHours).Order().ToList();
        var planted = truth.WaitsHours.Order().ToList();
        Assert.Equal(planted.Count, measured.Count);
        for (int i = 0; i < planted.Count; i++) Assert.Equal(planted[i], measured[i], 1e-9);

        // statistical: the planted median and answer probability, within 5 %
        Assert.InRange(report.FirstResponse.MedianHours, o.MedianResponseHours * 0.95, o.MedianResponseHours * 1.05);
        Assert.InRange(report.FirstResponse.AnsweredShare, o.ResponseProbability * 0.95, o.ResponseProbability * 1.05);
        // planted neighbourhood communities: most citizen-to-citizen replies stay within the neighbourhood
        Assert.True((double)truth.CitizenRepliesWithinNeighbourhood / truth.CitizenReplies > 0.8);
        // the organisation's own figures
        var org = report.Organisations.Single();
        Assert.Equal(truth.OrganisationId, org.ActorId);
        Assert.True(org.Actor.ReplyShare > 0.5, $"reply share {org.Actor.ReplyShare}");
        Assert.Equal("gemeente", org.OrganisationType);
    }

    [Fact]
    public void Written_csv_reads_back_with_zero_rejections_and_the_same_metrics()
    {
        var o = new SimulationOptions { Seed = 3, Days = 30 };
        var (records, _) = CommunitySimulator.Run(o);
        var bytes = Csv(o);
        var read = CommunityLoader.Read(new MemoryStream(bytes), "sim.csv", ".csv", CommunityFormats.PolderCsv, null, out var report);
        var community = CommunityLoader.Build(read, report);
        Assert.Equal(records.Count, report.RowsRead);
        Assert.Equal(0, report.Rejected);
        var direct = new CommunityBuilder();
        foreach (var r in records) direct.Add(r);
        var a = BehaviourAnalyzer.Analyze(direct.Build());
        var b = BehaviourAnalyzer.Analyze(community);
        Assert.Equal(a.FirstResponse, b.FirstResponse with { BandCounts = a.FirstResponse.BandCounts });
        Assert.Equal(a.FirstResponse.BandCounts, b.FirstResponse.BandCounts);
        Assert.Equal(a.Inbound, b.Inbound);
        Assert.Equal(a.HourOfWeek, b.HourOfWeek);
        var first = community.Posts[0];
        Assert.Contains(first.AuthorId, community.Actors.Select(x => x.Id));
        Assert.True(community.Actors.Count(x => x.Role == ActorRole.Citizen) > 100);
    }
}
