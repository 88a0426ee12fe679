using Polder.Community;
using Polder.Places;
using Polder.Sentiment;

namespace Polder.Analysis;

/// <summary>The text layer of one post. Immutable.</summary>
/// <remarks>
/// The Dutch layers (sentiment, topic, complaint category, places) read only posts that are not identified as another
/// language (<see cref="IsAnalysed"/>); for the others those fields are null or empty rather than a guess from a Dutch
/// model, and <see cref="Language"/> says why. Posts with the same text share one instance of the text's results, so a
/// community of a million posts with a few thousand distinct texts holds those results a few thousand times.
/// </remarks>
public sealed record PostAnalysis
{
    private readonly string _postId, _authorId, _threadId;
    private readonly string? _threadTopic;
    private readonly DateTimeOffset _time;
    private readonly PostKind _kind;
    private readonly bool _isAnalysed;
    private readonly PostTextResult _text;

    /// <summary>Creates the text layer of one post.</summary>
    /// <param name="PostId">The post.</param>
    /// <param name="AuthorId">Its author.</param>
    /// <param name="ThreadId">Its thread.</param>
    /// <param name="Time">When it was written.</param>
    /// <param name="Kind">Post, reply, retweet or quote.</param>
    /// <param name="Sentiment">Sentiment label, or null when the post is in another language.</param>
    /// <param name="SentimentScore">Sentiment score in [-1, 1], or null when the post is in another language.</param>
    /// <param name="Topic">The topic model's best label for the post's own text, or null when the post is in another language or has no words (only a link, emoji or mention).</param>
    /// <param name="TopicConfidence">The model's probability of <paramref name="Topic"/> (0 without a topic).</param>
    /// <param name="ThreadTopic">The topic of the thread's first analysed post: what the conversation is about (used for topic shares and trends, so a short reply counts under the subject it answers); null when no post of the thread was analysed.</param>
    /// <param name="Complaint">Main complaint category (Signalen taxonomy), or null when the text gives too little evidence for one.</param>
    /// <param name="Places">Places and municipalities named in the text.</param>
    /// <param name="Language">The post's language: "nl", "en", another ISO 639-1 code, or "unknown" (too little text to tell).</param>
    /// <param name="LanguageConfidence">The language identifier's confidence in <paramref name="Language"/>, 0 to 1.</param>
    public PostAnalysis(string PostId, string AuthorId, string ThreadId, DateTimeOffset Time, PostKind Kind,
        SentimentLabel? Sentiment, double? SentimentScore, string? Topic, float TopicConfidence, string? ThreadTopic, string? Complaint,
        IReadOnlyList<PlaceMention> Places, string Language, double LanguageConfidence)
        : this(PostId, AuthorId, ThreadId, Time, Kind, ThreadTopic, false,
            new PostTextResult(Sentiment, SentimentScore, Topic, TopicConfidence, Complaint, Places, Language, LanguageConfidence, []))
    {
    }

    /// <summary>A post with the results of its text, shared with the other posts that have the same text.</summary>
    internal PostAnalysis(string postId, string authorId, string threadId, DateTimeOffset time, PostKind kind, string? threadTopic,
        bool isAnalysed, PostTextResult text)
    {
        _postId = postId; _authorId = authorId; _threadId = threadId; _time = time; _kind = kind; _threadTopic = threadTopic;
        _isAnalysed = isAnalysed; _text = text;
    }

    /// <summary>The post.</summary>
    public string PostId { get => _postId; init => _postId = value; }

    /// <summary>Its author.</summary>
    public string AuthorId { get => _authorId; init => _authorId = value; }

    /// <summary>Its thread.</summary>
    public string ThreadId { get => _threadId; init => _threadId = value; }

    /// <summary>When it was written.</summary>
    public DateTimeOffset Time { get => _time; init => _time = value; }

    /// <summary>Post, reply, retweet or quote.</summary>
    public PostKind Kind { get => _kind; init => _kind = value; }

    /// <summary>Sentiment label, or null when the post is in another language.</summary>
    public SentimentLabel? Sentiment
    {
        get => _text.Sentiment;
        init { if (_text.Sentiment != value) _text = _text with { Sentiment = value }; }
    }

    /// <summary>Sentiment score in [-1, 1], or null when the post is in another language.</summary>
    public double? SentimentScore
    {
        get => _text.SentimentScore;
        init { if (!Nullable.Equals(_text.SentimentScore, value)) _text = _text with { SentimentScore = value }; }
    }

    /// <summary>The topic model's best label for the post's own text, or null when the post is in another language or has no words (only a link, emoji or mention).</summary>
    public string? Topic
    {
        get => _text.Topic;
        init { if (!ReferenceEquals(_text.Topic, value)) _text = _text with { Topic = value }; }
    }

    /// <summary>The model's probability of <see cref="Topic"/> (0 without a topic).</summary>
    public float TopicConfidence
    {
        get => _text.TopicConfidence;
        init { if (!_text.TopicConfidence.Equals(value)) _text = _text with { TopicConfidence = value }; }
    }

    /// <summary>The topic of the thread's first analysed post: what the conversation is about (used for topic shares and trends, so a short reply counts under the subject it answers); null when no post of the thread was analysed.</summary>
    public string? ThreadTopic { get => _threadTopic; init => _threadTopic = value; }

    /// <summary>Main complaint category (Signalen taxonomy), or null when the text gives too little evidence for one.</summary>
    public string? Complaint
    {
        get => _text.Complaint;
        init { if (!ReferenceEquals(_text.Complaint, value)) _text = _text with { Complaint = value }; }
    }

    /// <summary>Places and municipalities named in the text.</summary>
    public IReadOnlyList<PlaceMention> Places
    {
        get => _text.Places;
        init { if (!ReferenceEquals(_text.Places, value)) _text = _text with { Places = value }; }
    }

    /// <summary>The post's language: "nl", "en", another ISO 639-1 code, or "unknown" (too little text to tell).</summary>
    public string Language
    {
        get => _text.Language;
        init { if (!ReferenceEquals(_text.Language, value)) _text = _text with { Language = value }; }
    }

    /// <summary>The language identifier's confidence in <see cref="Language"/>, 0 to 1.</summary>
    public double LanguageConfidence
    {
        get => _text.LanguageConfidence;
        init { if (!_text.LanguageConfidence.Equals(value)) _text = _text with { LanguageConfidence = value }; }
    }

    /// <summary>The words of the text that gave <see cref="Complaint"/> its evidence, in text order (empty without a category).</summary>
    public IReadOnlyList<string> ComplaintEvidence
    {
        get => _text.ComplaintEvidence;
        init { if (!ReferenceEquals(_text.ComplaintEvidence, value)) _text = _text with { ComplaintEvidence = value }; }
    }

    /// <summary>
    /// True when the Dutch layers read this post: it is Dutch, or it has no words (an emoji, a link) in a community with
    /// Dutch posts. Set by the text layer; a post in another language, or without words in a community without Dutch
    /// posts, is not read.
    /// </summary>
    public bool IsAnalysed { get => _isAnalysed; init => _isAnalysed = value; }

    /// <summary>Deconstructs the values the constructor takes, in its order.</summary>
    public void Deconstruct(out string PostId, out string AuthorId, out string ThreadId, out DateTimeOffset Time, out PostKind Kind,
        out SentimentLabel? Sentiment, out double? SentimentScore, out string? Topic, out float TopicConfidence, out string? ThreadTopic,
        out string? Complaint, out IReadOnlyList<PlaceMention> Places, out string Language, out double LanguageConfidence)
    {
        PostId = _postId; AuthorId = _authorId; ThreadId = _threadId; Time = _time; Kind = _kind;
        Sentiment = _text.Sentiment; SentimentScore = _text.SentimentScore; Topic = _text.Topic; TopicConfidence = _text.TopicConfidence;
        ThreadTopic = _threadTopic; Complaint = _text.Complaint; Places = _text.Places; Language = _text.Language;
        LanguageConfidence = _text.LanguageConfidence;
    }
}
