namespace Polder.Language;

/// <summary>The language of a text and how sure the identifier is.</summary>
/// <param name="Language">An ISO 639-1 code (<c>nl</c>, <c>en</c>, …) or <c>unknown</c> when the text has no letters to
/// judge (only URLs, mentions, numbers, emoji).</param>
/// <param name="Confidence">The posterior probability of <paramref name="Language"/> among the model's languages, in
/// [0, 1]; 0 for <see cref="Unknown"/>.</param>
public readonly record struct LanguageGuess(string Language, double Confidence)
{
    /// <summary>The code of an undecided guess.</summary>
    public const string UnknownCode = "unknown";

    /// <summary>True when the text is Dutch.</summary>
    public bool IsDutch => Language == "nl";

    /// <summary>True when there was no evidence to decide on.</summary>
    public bool IsUnknown => Language == UnknownCode;

    /// <summary>No language: the text had no letters outside URLs, mentions, e-mail addresses and emoji.</summary>
    public static LanguageGuess Unknown { get; } = new(UnknownCode, 0);
}
