using System.Collections;
using System.Reflection;
using Polder.Analysis;
using Polder.Behaviour;
using Polder.Behaviour.States;
using Polder.Community;
using Polder.Community.Reading;
using Polder.Community.Simulation;
using Polder.Tests.Infrastructure;

namespace Polder.Tests.Behaviour.States;

/// <summary>
/// The k-way merge property: any split of a community into k parts, each part a <see cref="CommunityState"/> (some sent
/// through their binary form), merged in a random (seeded) order, gives the behaviour report of the whole community as
/// <see cref="BehaviourAnalyzer"/> computes it.
/// </summary>
public class CommunityStateMergeTests
{
    private const string Reddit = "community/reddit-emory-messages.csv";

    internal static List<PostRecord> Sample() =>
        CommunityLoader.Read(SampleCommunity.Open(), SampleCommunity.SourceName, ".csv", CommunityFormats.PolderCsv, null, out _).ToList();

    internal static List<PostRecord> Simulated(int seed, int days = 30) =>
        CommunitySimulator.Run(new SimulationOptions { Seed = seed, Days = days, ThreadsPerDay = 12, KeepText = false }).Records.ToList();

    private static List<PostRecord> Distinct(IEnumerable<PostRecord> records)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return records.Where(r => seen.Add(r.Post.Id)).ToList();
    }

    internal static BehaviourReport Batch(IEnumerable<PostRecord> records)
    {
        var b = new CommunityBuilder();
        foreach (var r in records) b.Add(r);
        return BehaviourAnalyzer.Analyze(b.Build());
    }

    /// <summary>Splits at random into k parts, sends every other part through bytes, merges pairs picked at random until one is left.</summary>
    internal static CommunityState SplitAndMerge(IReadOnlyList<PostRecord> records, int k, int seed)
    {
        var rng = new Random(seed);
        var parts = Enumerable.Range(0, k).Select(_ => new CommunityState()).ToList();
        foreach (var r in records) Assert.True(parts[rng.Next(k)].Add(r));
        for (int i = 0; i < parts.Count; i += 2) parts[i] = CommunityState.FromBytes(parts[i].ToBytes());
        while (parts.Count > 1)
        {
            int x = rng.Next(parts.Count), y = rng.Next(parts.Count - 1);
            if (y >= x) y++;
            parts[x].Merge(parts[y]);
            parts.RemoveAt(y);
        }
        return parts[0];
    }

    public static TheoryData<int, int> Splits() => new() { { 1, 1 }, { 2, 2 }, { 3, 3 }, { 5, 4 }, { 8, 5 } };

    [Theory]
    [MemberData(nameof(Splits))]
    public void Any_split_of_the_sample_merged_in_any_order_gives_the_batch_report(int k, int seed)
    {
        var records = Sample();
        AssertSameReport(Batch(records), SplitAndMerge(records, k, seed).Report());
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(7, 2)]
    [InlineData(2024, 6)]
    public void Any_split_of_a_simulated_community_gives_the_batch_report(int seed, int k)
    {
        var records = Simulated(seed);
        AssertSameReport(Batch(records), SplitAndMerge(records, k, seed * 31 + k).Report());
    }

    [SharedDataTheory(Reddit)]
    [InlineData(2, 11)]
    [InlineData(4, 12)]
    public void Any_split_of_the_reddit_community_gives_the_batch_report(int k, int seed)
    {
        var records = Distinct(CommunityLoader.Read(SharedData.PathOf(Reddit), CommunityFormats.RedditMessages, null, out _));
        AssertSameReport(Batch(records), SplitAndMerge(records, k, seed).Report());
    }

    [Fact]
    public void The_comparison_notices_one_missing_reply()
    {
        var records = Sample();
        var s = new CommunityState();
        bool skipped = false;
        foreach (var r in records)
        {
            if (!skipped && r.Post.ParentId is not null && r.Post.Time.Month == 2) { skipped = true; continue; }
            s.Add(r);
        }
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertSameReport(Batch(records), s.Report()));
        // and a difference deep inside: one actor's inbound count, one window's median
        var whole = Batch(records);
        var actors = whole.ActorsBehaviour.ToList();
        actors[^1] = actors[^1] with { Inbound = actors[^1].Inbound + 1 };
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertSameReport(whole, whole with { ActorsBehaviour = actors }));
        var windows = whole.Windows.ToList();
        windows[0] = windows[0] with { MedianFirstResponseHours = windows[0].MedianFirstResponseHours * 1.001 };
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertSameReport(whole, whole with { Windows = windows }));
        AssertSameReport(whole, whole with { });
    }

    [Fact]
    public void Adding_a_post_twice_changes_nothing_and_overlapping_parts_are_refused()
    {
        var records = Sample();
        var once = new CommunityState();
        foreach (var r in records) once.Add(r);
        var bytes = once.ToBytes();
        foreach (var r in records.Take(50)) Assert.False(once.Add(r));
        Assert.Equal(bytes, once.ToBytes());

        var part = new CommunityState();
        part.Add(records[0]);
        var before = once.ToBytes();
        Assert.Throws<InvalidOperationException>(() => once.Merge(part));
        Assert.Equal(before, once.ToBytes());
        Assert.Throws<InvalidOperationException>(() => once.Merge(new CommunityState(new BehaviourOptions { Window = TimeWindow.Week })));
    }

    [Fact]
    public void A_reply_waits_for_its_parent_in_another_part()
    {
        var records = Sample();
        var replies = records.Where(r => r.Post.ParentId is not null).ToList();
        var rest = records.Where(r => r.Post.ParentId is null).ToList();
        var a = new CommunityState(); foreach (var r in replies) a.Add(r);
        Assert.Equal(replies.Count(r => !a.Contains(r.Post.ParentId!)), a.Links.PendingReplies);
        Assert.True(a.Links.PendingReplies > 0);
        var b = new CommunityState(); foreach (var r in rest) b.Add(r);
        a.Merge(b);
        Assert.Equal(0, a.Links.PendingReplies);
        AssertSameReport(Batch(records), a.Report());
    }

    [Fact]
    public void The_compact_form_round_trips_and_refuses_damage()
    {
        var s = new CommunityState();
        foreach (var r in Sample()) s.Add(r);
        var bytes = s.ToBytes();
        Assert.Equal(bytes, CommunityState.FromBytes(bytes).ToBytes());
        Assert.Throws<InvalidDataException>(() => CommunityState.FromBytes(bytes[..(bytes.Length / 2)]));
        var foreign = (byte[])bytes.Clone(); foreign[0] ^= 0xFF;
        Assert.Throws<InvalidDataException>(() => CommunityState.FromBytes(foreign));
        Assert.True(bytes.Length < 200 * s.Posts, $"{bytes.Length:N0} bytes for {s.Posts} posts");
    }

    /// <summary>Compares two reports property by property; lists are compared in a canonical order, doubles to 1e-9 relative (sums in another order).</summary>
    internal static void AssertSameReport(BehaviourReport expected, BehaviourReport actual)
    {
        Assert.Equal(expected.Posts, actual.Posts);
        Same(expected with
        {
            Conversations = Canon(expected.Conversations), ThreadsBehaviour = Canon(expected.ThreadsBehaviour), ActorsBehaviour = Canon(expected.ActorsBehaviour),
        }, actual with
        {
            Conversations = Canon(actual.Conversations), ThreadsBehaviour = Canon(actual.ThreadsBehaviour), ActorsBehaviour = Canon(actual.ActorsBehaviour),
        }, "report");
    }

    private static List<ConversationResponse> Canon(IReadOnlyList<ConversationResponse> x) =>
        x.OrderBy(c => c.ThreadId, StringComparer.Ordinal).ThenBy(c => c.ResponderId, StringComparer.Ordinal).ToList();
    private static List<ThreadBehaviour> Canon(IReadOnlyList<ThreadBehaviour> x) => x.OrderBy(c => c.ThreadId, StringComparer.Ordinal).ToList();
    private static List<ActorBehaviour> Canon(IReadOnlyList<ActorBehaviour> x) => x.OrderBy(c => c.ActorId, StringComparer.Ordinal).ToList();

    private static void Same(object? e, object? a, string path)
    {
        if (e is null || a is null) { Assert.True(e is null && a is null, $"{path}: {e} vs {a}"); return; }
        switch (e)
        {
            case double d:
                double x = (double)a;
                Assert.True(d.Equals(x) || Math.Abs(d - x) <= 1e-9 * Math.Max(1, Math.Abs(d)), $"{path}: {d} vs {x}");
                return;
            case string or DateTimeOffset or DateOnly or Enum or int or long or bool or TimeSpan:
                Assert.True(e.Equals(a), $"{path}: {e} vs {a}");
                return;
            case IEnumerable list:
                var le = list.Cast<object?>().ToList(); var la = ((IEnumerable)a).Cast<object?>().ToList();
                Assert.True(le.Count == la.Count, $"{path}: {le.Count} items vs {la.Count}");
                for (int i = 0; i < le.Count; i++) Same(le[i], la[i], $"{path}[{i}]");
                return;
        }
        foreach (var p in e.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            if (p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract") Same(p.GetValue(e), p.GetValue(a), path + "." + p.Name);
    }
}
