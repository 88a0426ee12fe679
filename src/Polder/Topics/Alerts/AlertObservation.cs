using Polder.Sentiment;

namespace Polder.Topics.Alerts;

/// <summary>
/// One post as the alert detector sees it: when, about what, in which tone. The topic key can come from any topic
/// source (discovered topics, the themes model, complaint categories, planted truth). Immutable.
/// </summary>
/// <param name="Time">When the post was written.</param>
/// <param name="Topic">Its topic key, or null when it has none (it then counts only for the whole community).</param>
/// <param name="Sentiment">Its sentiment label, or null when not read (it then counts for volume, not for negative share).</param>
/// <param name="PostId">The post's id, quoted as evidence.</param>
public readonly record struct AlertObservation(DateTimeOffset Time, string? Topic, SentimentLabel? Sentiment, string PostId);
