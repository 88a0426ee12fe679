using Polder.Language;

namespace Polder.Analysis;

/// <summary>Which posts the Dutch layers read, by their identified language.</summary>
public static class TextLanguages
{
    /// <summary>The code of a text whose language cannot be told (no letters, or too few).</summary>
    public const string Unknown = "unknown";

    /// <summary>
    /// True for Dutch and for "unknown": a post of only an emoji, a link or a mention says nothing against Dutch in a
    /// Dutch community, and its emoji still carry sentiment. Any other identified language is skipped, so an English
    /// post never gets a Dutch model's topic or category.
    /// </summary>
    public static bool IsReadByDutchLayers(string language) =>
        string.Equals(language, "nl", StringComparison.Ordinal) || string.Equals(language, Unknown, StringComparison.Ordinal);

    /// <summary>
    /// A guess of another language below this confidence does not make the Dutch layers skip a post: it becomes
    /// "unknown" (and is read), because dropping a Dutch post from every figure costs more than reading a foreign one,
    /// on which the Dutch layers find little.
    /// </summary>
    public const double MinSkipConfidence = 0.75;

    /// <summary>The language the pipeline records: <paramref name="guess"/>, or unknown when it is another language but unsure.</summary>
    public static LanguageGuess Decide(LanguageGuess guess) =>
        IsReadByDutchLayers(guess.Language) || guess.Confidence >= MinSkipConfidence ? guess : LanguageGuess.Unknown;

    /// <summary>
    /// The language the pipeline records for a post of a community: <paramref name="guess"/> reweighed by the
    /// community's own language mix (its prior), then <see cref="Decide(LanguageGuess)"/>. The one rule of the batch,
    /// streaming and live text layers.
    /// </summary>
    public static LanguageGuess Decide(LanguageGuess guess, LanguageMix mix) => Decide(mix.Reweigh(guess));

    /// <summary>True when the Dutch layers read a text with this guess.</summary>
    public static bool IsReadByDutchLayers(LanguageGuess guess) => IsReadByDutchLayers(guess.Language);

    /// <summary>
    /// Which Dutch layers read a text with <paramref name="guess"/> (the one rule of the pipeline and of
    /// <see cref="TextAnalyzer.Analyze(string)"/>): all of them for Dutch; only sentiment for a text without words (its
    /// emoji), and that only among Dutch posts (<paramref name="amongDutchPosts"/>: in a community without Dutch posts
    /// its emoji would make up the whole "Dutch" sentiment); none for another language.
    /// </summary>
    internal static DutchReading ReadingOf(LanguageGuess guess, bool amongDutchPosts) =>
        guess.IsDutch ? DutchReading.All
        : guess.IsUnknown && amongDutchPosts ? DutchReading.SentimentOnly
        : DutchReading.None;
}

/// <summary>Which Dutch layers read a text (see <see cref="TextLanguages.ReadingOf"/>).</summary>
internal enum DutchReading
{
    /// <summary>None: another language (or, outside a Dutch community, no words).</summary>
    None,

    /// <summary>Sentiment only: a text without words, whose emoji carry sentiment but nothing a topic, category or place could rest on.</summary>
    SentimentOnly,

    /// <summary>Every layer: a Dutch text.</summary>
    All,
}
