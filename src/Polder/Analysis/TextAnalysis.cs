using System.Globalization;
using Polder.Places;
using Polder.Sentiment;

namespace Polder.Analysis;

/// <summary>What <see cref="TextAnalyzer"/> found in one text. Immutable.</summary>
/// <remarks>A text identified as another language than Dutch is not read by the Dutch layers: its sentiment and topic
/// are null and it has no complaint category or places (see <see cref="IsAnalysed"/>).</remarks>
/// <param name="Text">The text.</param>
/// <param name="Sentiment">Sentiment label, score and the words that decided it; null for another language.</param>
/// <param name="Topic">The topic model's best label; null for another language or a text without words.</param>
/// <param name="TopicConfidence">Its probability (0 without a topic).</param>
/// <param name="Complaint">Main complaint category (Signalen), or null when the text gives too little evidence for one.</param>
/// <param name="Places">Places and municipalities named in the text.</param>
/// <param name="Language">The text's language: "nl", "en", another ISO 639-1 code, or "unknown".</param>
/// <param name="LanguageConfidence">The language identifier's confidence, 0 to 1.</param>
public sealed record TextAnalysis(string Text, SentimentResult? Sentiment, string? Topic, float TopicConfidence, string? Complaint,
    IReadOnlyList<PlaceMention> Places, string Language, double LanguageConfidence)
{
    /// <summary>True when the Dutch layers read the text (Dutch, or too short to tell).</summary>
    public bool IsAnalysed => TextLanguages.IsReadByDutchLayers(Language);

    /// <summary>The sentiment label as a lower-case word ("negative", "neutral", "positive"), or null for another language.</summary>
    public string? SentimentLabel => Sentiment?.Label.ToName();

    /// <summary>One line: "language nl (0.99), sentiment negative (-0.62), topic VERVOERBELEID (0.41), places Utrecht".</summary>
    public override string ToString() => IsAnalysed
        ? string.Create(CultureInfo.InvariantCulture,
            $"language {Language} ({LanguageConfidence:0.00}), sentiment {SentimentLabel} ({Sentiment!.Score:0.00}), topic {Topic ?? "-"} ({TopicConfidence:0.00}){(Complaint is null ? "" : $", complaint {Complaint}")}, places {(Places.Count == 0 ? "-" : string.Join(", ", Places.Select(p => p.Name)))}")
        : string.Create(CultureInfo.InvariantCulture, $"language {Language} ({LanguageConfidence:0.00}): not read by the Dutch layers");
}
