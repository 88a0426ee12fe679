namespace Polder.Prediction.Opinion;

/// <summary>A one-step-ahead forecast of a group indicator with an 80% prediction interval.</summary>
/// <param name="Value">The point forecast (percentage points).</param>
/// <param name="Lower">10% quantile.</param>
/// <param name="Upper">90% quantile.</param>
public readonly record struct OpinionForecast(double Value, double Lower, double Upper);

/// <summary>How much one feature moved a single prediction (in the unit of the prediction: percentage points, log-odds or share).</summary>
/// <param name="Feature">Feature name (see <c>docs/prediction-features.md</c>).</param>
/// <param name="Value">The feature's value for this prediction.</param>
/// <param name="Contribution">Its additive contribution to the prediction.</param>
public readonly record struct FeatureContribution(string Feature, double Value, double Contribution);
