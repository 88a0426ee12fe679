namespace Polder.Sentiment;

/// <summary>The polarity of a text: negative, neutral or positive.</summary>
public enum SentimentLabel : byte
{
    /// <summary>The text expresses a negative tone.</summary>
    Negative,
    /// <summary>No clear tone either way.</summary>
    Neutral,
    /// <summary>The text expresses a positive tone.</summary>
    Positive,
}

/// <summary>Lower-case names of <see cref="SentimentLabel"/> ("negative", "neutral", "positive") and parsing.</summary>
public static class SentimentLabels
{
    /// <summary>The lower-case name of <paramref name="label"/>.</summary>
    public static string ToName(this SentimentLabel label) => label switch
    {
        SentimentLabel.Negative => "negative",
        SentimentLabel.Positive => "positive",
        _ => "neutral",
    };

    /// <summary>
    /// Parses a label name case-insensitively; also accepts "neg"/"pos"/"neu", "-1"/"0"/"1" and
    /// "negatief"/"positief"/"neutraal".
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> name, out SentimentLabel label)
    {
        name = name.Trim();
        if (Is(name, "negative") || Is(name, "neg") || Is(name, "negatief") || name.SequenceEqual("-1")) { label = SentimentLabel.Negative; return true; }
        if (Is(name, "positive") || Is(name, "pos") || Is(name, "positief") || name.SequenceEqual("1")) { label = SentimentLabel.Positive; return true; }
        if (Is(name, "neutral") || Is(name, "neu") || Is(name, "neutraal") || name.SequenceEqual("0")) { label = SentimentLabel.Neutral; return true; }
        label = SentimentLabel.Neutral;
        return false;
    }

    private static bool Is(ReadOnlySpan<char> a, string b) => a.Equals(b, StringComparison.OrdinalIgnoreCase);
}
