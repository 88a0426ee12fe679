using Polder.Analysis;
using Polder.Community;
using Polder.Sentiment;

namespace Polder.Service.Grains;

/// <summary>
/// One accepted post with what its row told about the author, as it travels to a grain (the library's
/// <see cref="Post"/> and <see cref="Actor"/> carry no Orleans serialiser). Made only from a <see cref="PostRecord"/> the
/// library's reader accepted; immutable.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PostMessage
{
    [Id(0)] internal string Id { get; init; } = "";
    [Id(1)] internal string AuthorId { get; init; } = "";
    [Id(2)] internal string? AuthorName { get; init; }
    [Id(3)] internal ActorRole Role { get; init; }
    [Id(4)] internal string[] AttributeKeys { get; init; } = [];
    [Id(5)] internal string[] AttributeValues { get; init; } = [];
    [Id(6)] internal string Text { get; init; } = "";
    [Id(7)] internal string? Title { get; init; }
    [Id(8)] internal DateTimeOffset Time { get; init; }
    [Id(9)] internal string? Channel { get; init; }
    [Id(10)] internal PostKind Kind { get; init; }
    [Id(11)] internal string? ParentId { get; init; }
    [Id(12)] internal string? ThreadId { get; init; }
    [Id(13)] internal string? SharedFromId { get; init; }
    [Id(14)] internal string[] Mentions { get; init; } = [];
    [Id(15)] internal string[] Hashtags { get; init; } = [];
    [Id(16)] internal int Likes { get; init; }
    [Id(17)] internal int Shares { get; init; }
    // what the text layer found in the post (PostTextReading), read before the grain's turn; Language null: not read
    [Id(18)] internal string? Language { get; init; }
    [Id(19)] internal double Confidence { get; init; }
    [Id(20)] internal SentimentLabel Sentiment { get; init; }
    [Id(21)] internal string? Topic { get; init; }
    [Id(22)] internal string? Complaint { get; init; }
    [Id(23)] internal bool HasPlaces { get; init; }

    /// <summary>The post id (idempotency key within a community).</summary>
    public string PostId => Id;

    /// <summary>The message of an accepted record.</summary>
    public static PostMessage From(PostRecord record)
    {
        var p = record.Post; var a = record.Author;
        return new PostMessage
        {
            Id = p.Id, AuthorId = p.AuthorId, AuthorName = a.DisplayName, Role = a.Role,
            AttributeKeys = [.. a.Attributes.Keys], AttributeValues = [.. a.Attributes.Values],
            Text = p.Text, Title = p.Title, Time = p.Time, Channel = p.Channel, Kind = p.Kind,
            ParentId = p.ParentId, ThreadId = p.ThreadId, SharedFromId = p.SharedFromId,
            Mentions = [.. p.Mentions], Hashtags = [.. p.Hashtags], Likes = p.Likes, Shares = p.Shares,
        };
    }

    /// <summary>What the text layer found in the post, when it was read before it travelled (<see cref="Read"/>).</summary>
    internal PostTextReading? Reading => Language is null ? null : new PostTextReading(Language, Confidence, Sentiment, Topic, Complaint, HasPlaces);

    /// <summary>
    /// The posts with what the text layer finds in each (a pure function of the text), read in parallel, so that the
    /// grain's turn only adds them; the same readings the grain would make.
    /// </summary>
    public static PostMessage[] Read(IReadOnlyList<PostMessage> posts, TextAnalyzer analyzer)
    {
        var read = new PostMessage[posts.Count];
        Parallel.For(0, posts.Count, i =>
        {
            var p = posts[i];
            if (p.Language is not null) { read[i] = p; return; }
            var r = PostTextReading.Of(p.ToPost(), analyzer);
            read[i] = p with { Language = r.Language, Confidence = r.Confidence, Sentiment = r.Sentiment, Topic = r.Topic, Complaint = r.Complaint, HasPlaces = r.HasPlaces };
        });
        return read;
    }

    /// <summary>The post again.</summary>
    public Post ToPost() => new()
    {
        Id = Id, AuthorId = AuthorId, Text = Text, Title = Title, Time = Time, Channel = Channel, Kind = Kind,
        ParentId = ParentId, ThreadId = ThreadId, SharedFromId = SharedFromId, Mentions = Mentions, Hashtags = Hashtags,
        Likes = Likes, Shares = Shares,
    };

    /// <summary>The author as the row described it.</summary>
    public Actor ToAuthor()
    {
        var attributes = new Dictionary<string, string>(AttributeKeys.Length, StringComparer.Ordinal);
        for (int i = 0; i < AttributeKeys.Length; i++) attributes[AttributeKeys[i]] = AttributeValues[i];
        return new Actor { Id = AuthorId, DisplayName = AuthorName, Role = Role, Attributes = attributes };
    }
}
