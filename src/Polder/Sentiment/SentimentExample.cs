namespace Polder.Sentiment;

/// <summary>One labelled text for training or evaluating a <see cref="SentimentModel"/>; also its ML.NET input row.</summary>
public sealed class SentimentExample
{
    /// <summary>An empty example (for ML.NET).</summary>
    public SentimentExample() { }

    /// <summary>A text and its label.</summary>
    public SentimentExample(string text, SentimentLabel label)
    {
        Text = text;
        Label = label.ToName();
    }

    /// <summary>The text.</summary>
    public string Text { get; set; } = "";

    /// <summary>The label name: "negative", "neutral" or "positive" (empty when unknown).</summary>
    public string Label { get; set; } = "";
}
