using Polder.Community;
using Polder.Community.Simulation;
using Xunit.Abstractions;
using Polder.Prediction.Engagement;
using Polder.Prediction.Evaluation;
using Polder.Prediction.Retention;

namespace Polder.Tests.Prediction;

/// <summary>
/// The engagement and retention predictors on the simulator's communities, where the process behind every reply is
/// planted: webcare answers a question with a known probability after a log-normal wait, neighbours chime in, citizens
/// post at a fixed personal rate. The predictors are never told a post's kind; they must find it from text, position
/// and history, and their probabilities must match what the planted process produces.
/// </summary>
public class SimulatedCommunityPredictionTests(ITestOutputHelper output)
{
    private const long Day = 86400;

    /// <summary>What the simulator made a post as (known from the generation, not given to the model).</summary>
    private enum Kind { Question, Report, Business, Announcement, NeighbourReply, WebcareAnswer, Thanks }

    private sealed record Simulated(EngagementPost[] Posts, Kind[] Kinds, DateTimeOffset Split);

    private static Simulated Simulate(SimulationOptions options)
    {
        int days = options.Days;
        var (records, truth) = CommunitySimulator.Run(options);
        var builder = new CommunityBuilder();
        foreach (var r in records) builder.Add(r);
        var community = builder.Build();
        var posts = EngagementPost.From(community);
        var roleOf = records.ToDictionary(r => r.Post.Id, r => r.Author.Role);
        var byId = records.ToDictionary(r => r.Post.Id, r => r.Post);
        var kinds = posts.Select(p =>
        {
            var post = byId[p.Id];
            var role = roleOf[p.Id];
            if (post.ParentId is null)
                return role switch
                {
                    ActorRole.Organisation => Kind.Announcement,
                    ActorRole.Business => Kind.Business,
                    _ => post.Mentions.Contains(truth.OrganisationId) ? Kind.Question : Kind.Report,
                };
            if (role == ActorRole.Organisation) return Kind.WebcareAnswer;
            return roleOf[post.ParentId] == ActorRole.Organisation ? Kind.Thanks : Kind.NeighbourReply;
        }).ToArray();
        var start = new DateTimeOffset(options.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new Simulated(posts, kinds, start.AddDays(days * 3 / 4));
    }

    // The test posts' predictions and outcomes of a time split, with the model TimeSplit trained.
    private static (int[] Test, double[] P, bool[] Y, EngagementScore Score) Split(Simulated s)
    {
        var (score, model) = EngagementEvaluation.TimeSplit(s.Posts, s.Split);
        var x = EngagementFeatures.Build(s.Posts);
        var y = EngagementFeatures.Labels(s.Posts);
        long split = s.Split.ToUnixTimeSeconds();
        int d = EngagementFeatures.Count;
        var test = Enumerable.Range(0, s.Posts.Length).Where(i => s.Posts[i].Created >= split).ToArray();
        return (test, test.Select(i => model.Predict(x.AsSpan(i * d, d))).ToArray(), test.Select(i => y[i]).ToArray(), score);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(11)]
    public void EngagementFindsThePlantedKindsOfPostAndTheirReplyRates(int seed)
    {
        var s = Simulate(new SimulationOptions { Seed = seed, Days = 240 });
        var y = EngagementFeatures.Labels(s.Posts);
        long split = s.Split.ToUnixTimeSeconds();
        var (test, p, yt, score) = Split(s);

        // The type oracle: each kind's reply rate in the training period, known only to the simulator.
        var train = Enumerable.Range(0, s.Posts.Length).Where(i => s.Posts[i].Created + Day <= split).ToArray();
        var rate = Enum.GetValues<Kind>().ToDictionary(k => k, k =>
        {
            var of = train.Where(i => s.Kinds[i] == k).ToArray();
            return of.Length == 0 ? 0.5 : of.Average(i => y[i] ? 1.0 : 0);
        });
        double oracle = ClassificationMetrics.Auc(test.Select(i => rate[s.Kinds[i]]).ToArray(), yt);
        output.WriteLine($"seed {seed}: {s.Posts.Length} posts, train {score.TrainPosts}, test {score.TestPosts}; AUC {score.Auc:F4} (kind oracle {oracle:F4}), ECE {score.CalibrationError:F4}");
        // Measured (seeds 7 / 11): model 0.855 / 0.859 against the kind oracle's 0.789 / 0.795: the model finds the
        // kinds (an @-mention marks a question to webcare) and more (a neighbour reply is answered more often early in a
        // thread); 0.02 allows for the noise of ~1,600 test posts.
        Assert.True(score.Auc >= oracle - 0.02, $"AUC {score.Auc:F4} vs kind oracle {oracle:F4}");

        // Calibrated per kind: the mean forecast of each kind is its observed test rate.
        foreach (var kind in Enum.GetValues<Kind>())
        {
            var at = Enumerable.Range(0, test.Length).Where(j => s.Kinds[test[j]] == kind).ToArray();
            if (at.Length < 60) continue;
            double observed = at.Average(j => yt[j] ? 1.0 : 0), forecast = at.Average(j => p[j]);
            output.WriteLine($"  {kind,-15} n {at.Length,4}  observed {observed:F3}  forecast {forecast:F3}  (train {rate[kind]:F3})");
            Assert.True(Math.Abs(forecast - observed) <= 0.04 + 2 * StandardError(observed, at.Length), $"{kind}: forecast {forecast:F3}, observed {observed:F3} (n {at.Length})");
        }
    }

    [Fact]
    public void RollingOriginNeverSeesTheFuture()
    {
        // Scores at each origin must not change when the community goes on: a second simulation's posts (new ids),
        // shifted past the end, are appended; the origins whose test step closed before the old end score the same.
        var s = Simulate(new SimulationOptions { Seed = 3, Days = 150 });
        var later = Simulate(new SimulationOptions { Seed = 4, Days = 60 });
        long end = s.Posts.Max(p => p.Created), shift = end + Day - later.Posts.Min(p => p.Created);
        var extended = s.Posts.Concat(later.Posts.Select(p => p with
        {
            Id = "x" + p.Id, ThreadId = "x" + p.ThreadId, ParentId = p.ParentId.Length == 0 ? "" : "x" + p.ParentId, Created = p.Created + shift,
        })).ToArray();
        var first = s.Split.AddDays(-60);
        var (pooled, before) = EngagementEvaluation.RollingOrigin(s.Posts, first, 15);
        var (_, after) = EngagementEvaluation.RollingOrigin(extended, first, 15);
        output.WriteLine($"{before.Count} origins, pooled AUC {pooled.Auc:F4} over {pooled.TestPosts} posts; with the later posts {after.Count} origins");
        Assert.True(before.Count >= 4 && after.Count > before.Count);
        var closed = before.Where(o => o.Origin.ToUnixTimeSeconds() + 15 * Day + Day <= end).ToArray();
        Assert.True(closed.Length >= 3);
        foreach (var (origin, score) in closed)
        {
            var again = after.Single(o => o.Origin == origin).Score;
            Assert.Equal(score, again);
        }
        Assert.Equal(before.Sum(o => o.Score.TestPosts), pooled.TestPosts);
        Assert.InRange(pooled.Auc, 0.75, 1);
    }

    [Fact]
    public void TheReplyForecastForQuestionsFollowsThePlantedWebcareAnswerRate()
    {
        // A question to webcare gets a reply within 24 h unless webcare stays silent (or late) and no neighbour
        // replies: planted rate 1 − (1 − p · P(log-normal wait ≤ 24 h)) · e^(−λ), with p the answer probability, the
        // wait's median 3 h and σ 1 (0.981 within 24 h), and λ neighbour replies per thread (the first goes to the
        // question; a few neighbours, so that webcare decides). A model trained where webcare answers less must say so.
        var forecasts = new Dictionary<double, double>();
        var planted = new Dictionary<double, double>();
        foreach (var answer in new[] { 0.8, 0.3 })
        {
            var options = new SimulationOptions { Seed = 23, Days = 240, ResponseProbability = answer, MeanCitizenReplies = 0.3 };
            double inTime = NormalCdf(Math.Log(24 / options.MedianResponseHours) / options.ResponseSigma);
            planted[answer] = 1 - (1 - answer * inTime) * Math.Exp(-options.MeanCitizenReplies);
            var s = Simulate(options);
            var (test, p, yt, _) = Split(s);
            var questions = Enumerable.Range(0, test.Length).Where(j => s.Kinds[test[j]] == Kind.Question).ToArray();
            double observed = questions.Average(j => yt[j] ? 1.0 : 0), forecast = questions.Average(j => p[j]);
            double se = StandardError(observed, questions.Length);
            // The addressee's track record: by the test period, how often webcare answered in time when mentioned.
            var x = EngagementFeatures.Build(s.Posts);
            int d = EngagementFeatures.Count, column = EngagementFeatures.Names.ToList().IndexOf("mentioned_answer_rate");
            double track = questions.Average(j => x[test[j] * d + column]);
            output.WriteLine($"  webcare's answer rate as the feature sees it: {track:F3} (planted {answer * inTime:F3})");
            Assert.True(Math.Abs(track - answer * inTime) <= 0.04, $"mentioned_answer_rate {track:F3}, planted {answer * inTime:F3}");
            output.WriteLine($"webcare answers {answer:P0}: {questions.Length} test questions, planted {planted[answer]:F3}, observed {observed:F3}, forecast {forecast:F3}");
            Assert.True(Math.Abs(observed - planted[answer]) <= 3 * se, $"observed {observed:F3}, planted {planted[answer]:F3}");
            Assert.True(Math.Abs(forecast - observed) <= 0.04 + 2 * se, $"forecast {forecast:F3}, observed {observed:F3}");
            forecasts[answer] = forecast;
        }
        double drop = forecasts[0.8] - forecasts[0.3], plantedDrop = planted[0.8] - planted[0.3];
        Assert.True(Math.Abs(drop - plantedDrop) <= 0.08, $"forecast drop {drop:F3}, planted {plantedDrop:F3}");
    }

    [Theory]
    [InlineData(7)]
    [InlineData(11)]
    public void RetentionOnAStationaryCommunityMatchesTheFrequencyOracle(int seed)
    {
        // Simulated citizens post at a fixed personal rate, so how often an actor posted is all there is to know: the
        // frequency baseline is (nearly) the oracle, and a model that reads the history must come close to it.
        // Many citizens for the threads, so most post a few times a year and "still active?" is an open question.
        var s = Simulate(new SimulationOptions { Seed = seed, Days = 360, Citizens = 3000 });
        var (score, model) = ActorRetentionEvaluation.TimeSplit(s.Posts, s.Split, 30);
        output.WriteLine($"seed {seed}: train {score.TrainRows}, test {score.TestRows} ({score.TestPositiveRate:P1} active); AUC {score.Auc:F4}, frequency {score.FrequencyAuc:F4}, recency {score.RecencyAuc:F4}; ECE {score.CalibrationError:F4}");
        // A near-oracle that cheats: each actor's posts over the whole simulation, future included, estimate the planted
        // rate far better than any history can.
        var (actors, x, y) = ActorRetentionFeatures.Build(s.Posts, s.Split.ToUnixTimeSeconds(), 30);
        long from = s.Split.ToUnixTimeSeconds(), to = from + 30 * Day;
        // (not the labelled window itself: that would count the outcome)
        var total = s.Posts.Where(p => p.Created < from || p.Created >= to).GroupBy(p => p.Author).ToDictionary(g => g.Key, g => (double)g.Count());
        int d = model.FeatureNames.Count;
        double modelAuc = ClassificationMetrics.Auc(Enumerable.Range(0, actors.Length).Select(i => model.Predict(x.AsSpan(i * d, d))).ToArray(), y);
        double cheat = ClassificationMetrics.Auc(actors.Select(a => total[a]).ToArray(), y);
        output.WriteLine($"  at the split: {actors.Length} actors, model {modelAuc:F4}, whole-simulation count (cheat) {cheat:F4}");
        // Measured (seeds 7 / 11): model 0.588 / 0.611 against the cheat's 0.598 / 0.616 (the planted rates differ
        // 16-fold, but most citizens post a few times a year, so one window says little). 0.04 ≈ two standard errors
        // of an AUC over ~1,300 actors. The frequency baseline (posts in the last window) is beaten: 0.53 / 0.53.
        Assert.True(modelAuc >= cheat - 0.04, $"AUC at the split {modelAuc:F4} vs whole-simulation count {cheat:F4}");
        Assert.True(score.Auc >= score.FrequencyAuc, $"AUC {score.Auc:F4} vs frequency {score.FrequencyAuc:F4}");
        Assert.InRange(score.CalibrationError, 0, 0.06);
        Assert.Equal(30, model.WindowDays);
    }

    // The binomial standard error of a rate, never below that of one event in n (a rate of 0 or 1 is not exact).
    private static double StandardError(double rate, int n) => Math.Sqrt(Math.Max(rate * (1 - rate), 1.0 / n) / n);

    private static double NormalCdf(double z) => 0.5 * (1 + Erf(z / Math.Sqrt(2)));

    // Abramowitz–Stegun 7.1.26 (error below 1.5e-7): enough for a planted floor.
    private static double Erf(double x)
    {
        double t = 1 / (1 + 0.3275911 * Math.Abs(x));
        double y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496735) * t + 0.254829592) * t * Math.Exp(-x * x);
        return x >= 0 ? y : -y;
    }
}
