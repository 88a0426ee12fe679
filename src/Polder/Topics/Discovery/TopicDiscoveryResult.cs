namespace Polder.Topics.Discovery;

/// <summary>What <see cref="TopicDiscovery"/> found.</summary>
/// <param name="Topics">The topics, largest first (<see cref="DiscoveredTopic.Id"/> is the index).</param>
/// <param name="Assignments">One per input post, in input order.</param>
/// <param name="Model">The fitted model, to assign further posts.</param>
/// <param name="FittedPosts">How many posts (a seeded sample when there were more than <see cref="TopicDiscoveryOptions.MaxFitPosts"/>) fitted the model.</param>
/// <param name="Method">The method used.</param>
public sealed record TopicDiscoveryResult(
    IReadOnlyList<DiscoveredTopic> Topics, IReadOnlyList<TopicAssignment> Assignments, DiscoveredTopicModel Model,
    int FittedPosts, DiscoveryMethod Method);
