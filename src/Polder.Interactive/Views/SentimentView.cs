using Polder.Sentiment;
using static Polder.Interactive.Html.Html;

namespace Polder.Interactive.Views;

/// <summary>
/// Sentiment: a label badge with the score, and the words that carried it coloured by their weight (red negative,
/// green positive, darker when stronger); with the text at hand, the whole text with those words highlighted.
/// </summary>
internal static class SentimentView
{
    public static void Write(SentimentResult result, TextWriter w)
    {
        Open(w, "sentiment");
        Badge(result.Label, result.Score, w);
        Words(result.Contributions, w);
        Close(w);
    }

    public static void Write(SentenceSentiment sentence, TextWriter w)
    {
        Open(w, "sentiment");
        Badge(sentence.Label, sentence.Score, w);
        // contributions of a sentence are offsets into the whole text: shift them to the sentence
        Highlight(sentence.Text, sentence.Contributions, w, sentence.Start);
        Close(w);
    }

    /// <summary>The label as a coloured badge and the score.</summary>
    public static void Badge(SentimentLabel label, double score, TextWriter w) =>
        w.Write($"<span class=\"badge\" style=\"background:{Colour(label)}\">{E(label.ToName())}</span> <span class=\"muted\">score</span> {N(score, 3)} ");

    /// <summary>The label's colour.</summary>
    public static string Colour(SentimentLabel label) => label switch
    {
        SentimentLabel.Negative => Negative,
        SentimentLabel.Positive => Positive,
        _ => Neutral,
    };

    /// <summary>The contributing words alone, in text order, each with its weight in a tooltip.</summary>
    public static void Words(IReadOnlyList<SentimentContribution> contributions, TextWriter w)
    {
        if (contributions.Count == 0) { w.Write("<div class=\"muted\">no sentiment-bearing words</div>"); return; }
        w.Write("<div>");
        foreach (var c in contributions) w.Write(Mark(c, c.Text) + " ");
        w.Write("</div>");
    }

    /// <summary>
    /// <paramref name="text"/> with every contribution highlighted; <paramref name="offset"/> is subtracted from the
    /// contributions' offsets (for a sentence cut from a longer text). Contributions that do not fit are skipped.
    /// </summary>
    public static void Highlight(string text, IReadOnlyList<SentimentContribution> contributions, TextWriter w, int offset = 0)
    {
        w.Write("<div class=\"text\">");
        int at = 0;
        foreach (var c in contributions.OrderBy(c => c.Start))
        {
            int start = c.Start - offset;
            if (start < at || start + c.Length > text.Length || !text.AsSpan(start, c.Length).SequenceEqual(c.Text)) continue;
            w.Write(E(text[at..start]));
            w.Write(Mark(c, text.Substring(start, c.Length)));
            at = start + c.Length;
        }
        w.Write(E(text[at..]));
        w.Write("</div>");
    }

    private static string Mark(SentimentContribution c, string shown)
    {
        string cues = c.Cues == 0 ? "" : $"; {c.Cues}";
        return $"<mark style=\"background:{Tint(c.Weight)}\" title=\"weight {N(c.Weight, 3)}, lexicon {N(c.Prior, 2)}{E(cues)}\">{E(shown)}</mark>";
    }
}
