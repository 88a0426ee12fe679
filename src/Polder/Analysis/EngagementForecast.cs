using Polder.Prediction.Engagement;

namespace Polder.Analysis;

/// <summary>
/// Which recent posts will still get a reply within 24 hours: <see cref="Polder.Prediction.Engagement.EngagementModel"/> trained on
/// the community's own posts whose 24-hour window had closed by the last post, applied to the posts still open. Its
/// quality is measured honestly on a later slice: trained on the first 80 % (by time) of the closed posts, scored on the
/// last 20 %. Immutable.
/// </summary>
/// <param name="TrainingPosts">Closed posts the final model was trained on.</param>
/// <param name="EvaluationPosts">Posts of the later slice it was evaluated on (0 when there were too few).</param>
/// <param name="EvaluationAuc">AUC on that slice (NaN when not evaluated or one class only).</param>
/// <param name="EvaluationBrier">Brier score on that slice (NaN when not evaluated).</param>
/// <param name="BaseRate">Share of closed posts that got a reply within 24 hours.</param>
/// <param name="AsOf">The moment of the forecast: the last post of the community.</param>
/// <param name="Open">The open posts (written in the last 24 hours, no reply yet) with their reply probability, most likely first.</param>
public sealed record EngagementForecast(int TrainingPosts, int EvaluationPosts, double EvaluationAuc, double EvaluationBrier, double BaseRate,
    DateTimeOffset AsOf, IReadOnlyList<OpenPostForecast> Open);

/// <summary>The reply forecast of one open post.</summary>
/// <param name="PostId">The post.</param>
/// <param name="AuthorId">Its author.</param>
/// <param name="Time">When it was written.</param>
/// <param name="Topic">Its thread topic (empty when the text layer did not run).</param>
/// <param name="ReplyProbability">Probability of a reply within 24 hours of posting.</param>
public sealed record OpenPostForecast(string PostId, string AuthorId, DateTimeOffset Time, string Topic, double ReplyProbability);
