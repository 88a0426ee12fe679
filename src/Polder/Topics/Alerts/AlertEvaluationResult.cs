namespace Polder.Topics.Alerts;

/// <summary>How the detector did on simulated communities with planted events. Immutable.</summary>
/// <param name="Seeds">Simulations run.</param>
/// <param name="Events">Events planted.</param>
/// <param name="Detected">Events with an alert on their topic detected after onset and at most 24 hours after it.</param>
/// <param name="MedianDelayHours">Median hours from onset to detection over the detected events.</param>
/// <param name="FalseAlarms">Alerts (any series, including the whole community) not overlapping an event or the day after it.</param>
/// <param name="QuietDays">Days tested outside events and the day after each, summed over the simulations.</param>
/// <param name="Posts">Posts simulated, summed.</param>
public sealed record AlertEvaluationResult(int Seeds, int Events, int Detected, double MedianDelayHours, int FalseAlarms, double QuietDays, long Posts)
{
    /// <summary>Detected / planted.</summary>
    public double Recall => Events == 0 ? double.NaN : (double)Detected / Events;

    /// <summary>False alarms per 90 quiet days.</summary>
    public double FalseAlarmsPer90Days => QuietDays <= 0 ? double.NaN : FalseAlarms / QuietDays * 90;
}
