using Polder.Community.Simulation;
using Polder.Sentiment;

namespace Polder.Topics.Alerts;

/// <summary>
/// Measures <see cref="AlertDetector"/> on simulated communities (<see cref="CommunitySimulator"/>) with planted
/// events: recall within 24 hours of onset, and false alarms per 90 quiet days. The topic and tone of each post are the
/// simulator's planted ones, so the figures measure the detector, not a topic or sentiment model. Thread-safe.
/// </summary>
public static class AlertEvaluation
{
    /// <summary>Runs the evaluation.</summary>
    public static AlertEvaluationResult Run(AlertEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int events = 0, detected = 0, falseAlarms = 0;
        double quiet = 0;
        long posts = 0;
        var delays = new List<double>();
        string[] topics = ["afval", "parkeren", "verkeer", "groen", "overlast", "evenementen", "wonen"];
        for (int s = 0; s < options.Seeds; s++)
        {
            int seed = options.FirstSeed + s;
            var c = options.Community;
            var planted = Plant(seed, c, topics, options);
            var sim = c with { Seed = seed, Events = planted, RecordLabels = true };
            var (records, truth) = CommunitySimulator.Run(sim);
            posts += records.Count;
            var obs = records.Select(r => new AlertObservation(r.Post.Time, truth.TopicOfThread[r.Post.ThreadId!],
                truth.ToneOfPost[r.Post.Id] switch { < 0 => SentimentLabel.Negative, > 0 => SentimentLabel.Positive, _ => SentimentLabel.Neutral }, r.Post.Id));
            var alerts = AlertDetector.Detect(obs, options.Detector);
            foreach (var e in truth.Events)
            {
                events++;
                var hit = alerts.Where(a => a.Topic == e.Event.Topic && a.DetectedAt > e.Onset && a.DetectedAt <= e.Onset.AddHours(24))
                    .OrderBy(a => a.DetectedAt).FirstOrDefault();
                if (hit is null) continue;
                detected++;
                delays.Add((hit.DetectedAt - e.Onset).TotalHours);
            }
            falseAlarms += alerts.Count(a => !truth.Events.Any(e => a.From < e.End.AddHours(24) && a.To > e.Onset));
            // tested days: after the first MinBaselineDays days; quiet: outside each event and the day after it
            quiet += c.Days - options.Detector.MinBaselineDays - truth.Events.Sum(e => e.Event.Days + 1);
        }
        delays.Sort();
        double median = delays.Count == 0 ? double.NaN : delays.Count % 2 == 1 ? delays[delays.Count / 2] : (delays[delays.Count / 2 - 1] + delays[delays.Count / 2]) / 2;
        return new AlertEvaluationResult(options.Seeds, events, detected, median, falseAlarms, quiet, posts);
    }

    // events at seeded random days, after 30 days of history and at least 20 days apart, each on a random topic
    private static List<PlantedEvent> Plant(int seed, SimulationOptions c, string[] topics, AlertEvaluationOptions o)
    {
        var rng = new Random(unchecked(seed * 7919 + 17));
        var list = new List<PlantedEvent>();
        int room = c.Days - 30 - 5;
        if (o.EventsPerSeed <= 0 || room <= 0) return list;
        int slot = room / o.EventsPerSeed;
        if (slot < 20) throw new ArgumentException($"{o.EventsPerSeed} events need at least {30 + 5 + 20 * o.EventsPerSeed} simulated days", nameof(o));
        for (int i = 0; i < o.EventsPerSeed; i++)
        {
            int day = 30 + i * slot + rng.Next(slot - 15);
            list.Add(new PlantedEvent(c.Start.AddDays(day), topics[rng.Next(topics.Length)], o.EventSize, o.EventDays));
        }
        return list;
    }
}
