using Polder.Text;

namespace Polder.Topics.Discovery;

/// <summary>
/// A fitted topic model: assigns any post to one of the discovered topics by its TF-IDF vector (a sparse dot
/// product, or for NMF a small non-negative least-squares solve). Immutable and thread-safe.
/// </summary>
public sealed class DiscoveredTopicModel
{
    private readonly DiscoveryVocabulary _vocabulary;
    private readonly TopicAssigner _assigner;
    private readonly int[] _publicId;

    internal DiscoveredTopicModel(DiscoveryVocabulary vocabulary, TopicAssigner assigner, int[] publicId)
    {
        _vocabulary = vocabulary; _assigner = assigner; _publicId = publicId;
    }

    /// <summary>Number of topics.</summary>
    public int TopicCount => _assigner.Topics;

    /// <summary>Number of terms (stems and phrases) the model knows.</summary>
    public int TermCount => _vocabulary.Count;

    /// <summary>The topic of a text.</summary>
    public TopicAssignment Assign(string text) => Assign(TextDocument.Create(text));

    /// <summary>The topic of a document already built by the text layer.</summary>
    public TopicAssignment Assign(TextDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var (columns, values) = _vocabulary.CountTerms(document);
        if (columns.Length == 0) return TopicAssignment.None;
        _vocabulary.Weigh(columns, values);
        return AssignVector(columns, values);
    }

    internal TopicAssignment AssignVector(ReadOnlySpan<int> columns, ReadOnlySpan<float> values) =>
        ToPublic(_assigner.Assign(columns, values));

    internal TopicAssignment ToPublic(TopicAssignment internalAssignment) =>
        internalAssignment.HasTopic ? internalAssignment with { Topic = _publicId[internalAssignment.Topic] } : internalAssignment;
}
