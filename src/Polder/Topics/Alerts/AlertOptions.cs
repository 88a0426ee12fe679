namespace Polder.Topics.Alerts;

/// <summary>
/// Settings of <see cref="AlertDetector"/>. The defaults were calibrated on the simulator (<see cref="AlertEvaluation"/>):
/// at most one false alarm per 90 quiet days for a whole community with its topics, and recall of planted 3x events
/// within 24 hours of at least 0.9. Immutable.
/// </summary>
public sealed record AlertOptions
{
    /// <summary>Step between tested windows, in hours (each window is 24 hours long; a step of 6 tests four overlapping windows a day).</summary>
    public int StepHours { get; init; } = 1;
    /// <summary>Days of history before a window that form its baseline (same time of day, so the daily rhythm cancels).</summary>
    public int BaselineDays { get; init; } = 28;
    /// <summary>Fewest baseline days before a window is tested at all.</summary>
    public int MinBaselineDays { get; init; } = 3;
    /// <summary>Days of history behind the baseline negative share (shorter than <see cref="BaselineDays"/>: the tone of a topic drifts, and an old share would call the drift an alert).</summary>
    public int ShareBaselineDays { get; init; } = 7;
    /// <summary>Score a window must reach for a volume alert: its excess over the baseline in predictive standard deviations.</summary>
    public double Threshold { get; init; } = 4.0;
    /// <summary>Score a window must reach for a negative-share alert (higher than <see cref="Threshold"/>: the tone of a topic drifts from day to day more than its volume).</summary>
    public double ShareThreshold { get; init; } = 5.0;
    /// <summary>Fewest posts in a window for a volume alert (a rise from 1 to 4 posts is not an issue).</summary>
    public int MinPosts { get; init; } = 10;
    /// <summary>Least ratio observed / expected for a volume alert.</summary>
    public double MinRatio { get; init; } = 1.5;
    /// <summary>Fewest posts with a sentiment label in a window for a negative-share alert.</summary>
    public int MinSentimentPosts { get; init; } = 20;
    /// <summary>Least rise of the negative share over the baseline (absolute, 0.10 = ten percentage points).</summary>
    public double MinShareRise { get; init; } = 0.10;
    /// <summary>Passing windows of one series closer than this many hours are one episode (one alert).</summary>
    public int MergeHours { get; init; } = 24;
    /// <summary>Post ids quoted per alert.</summary>
    public int EvidencePosts { get; init; } = 5;

    internal void Validate()
    {
        if (StepHours < 1 || 24 % StepHours != 0) throw new ArgumentException("StepHours must divide 24", nameof(StepHours));
        if (MinBaselineDays < 2 || BaselineDays < MinBaselineDays || ShareBaselineDays < 2) throw new ArgumentException("need BaselineDays ≥ MinBaselineDays ≥ 2 and ShareBaselineDays ≥ 2", nameof(BaselineDays));
        if (!(Threshold > 0) || !(ShareThreshold > 0)) throw new ArgumentException("thresholds must be positive", nameof(Threshold));
    }
}
