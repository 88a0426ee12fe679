using System.Globalization;
using Polder.Places;
using Polder.Sentiment;

namespace Polder.Analysis;

/// <summary>What <see cref="TextAnalyzer"/> found in one text. Immutable.</summary>
/// <param name="Text">The text.</param>
/// <param name="Sentiment">Sentiment label, score and the words that decided it.</param>
/// <param name="Topic">The topic model's best label.</param>
/// <param name="TopicConfidence">Its probability.</param>
/// <param name="Complaint">Main complaint category (Signalen), or null when none matches.</param>
/// <param name="Places">Places and municipalities named in the text.</param>
public sealed record TextAnalysis(string Text, SentimentResult Sentiment, string Topic, float TopicConfidence, string? Complaint, IReadOnlyList<PlaceMention> Places)
{
    /// <summary>The sentiment label as a lower-case word ("negative", "neutral", "positive").</summary>
    public string SentimentLabel => Sentiment.Label.ToName();

    /// <summary>One line: "sentiment negative (-0.62), topic VERVOERBELEID (0.41), places Utrecht".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"sentiment {SentimentLabel} ({Sentiment.Score:0.00}), topic {Topic} ({TopicConfidence:0.00}){(Complaint is null ? "" : $", complaint {Complaint}")}, places {(Places.Count == 0 ? "-" : string.Join(", ", Places.Select(p => p.Name)))}");
}
