namespace Polder.Sentiment;

/// <summary>The rules that shaped one contribution to a sentiment score.</summary>
[Flags]
public enum SentimentCues : uint
{
    /// <summary>No rule: the lexicon value as is.</summary>
    None = 0,
    /// <summary>Inside the scope of a negator (<c>niet goed</c>, <c>geen probleem</c>): the polarity flips and weakens.</summary>
    Negated = 1 << 0,
    /// <summary>After an intensifier (<c>heel</c>, <c>erg</c>, <c>vreselijk mooi</c>).</summary>
    Intensified = 1 << 1,
    /// <summary>After a downtoner (<c>beetje</c>, <c>nogal</c>).</summary>
    Downtoned = 1 << 2,
    /// <summary>Before a contrast (<c>maar</c>, <c>echter</c>) or in a concessive clause (<c>hoewel</c>): weighs less.</summary>
    BeforeContrast = 1 << 3,
    /// <summary>After a contrast: weighs more.</summary>
    AfterContrast = 1 << 4,
    /// <summary>In a sentence with exclamation marks: weighs more.</summary>
    Exclamation = 1 << 5,
    /// <summary>Elongated (<c>mooooi</c>): weighs more.</summary>
    Elongated = 1 << 6,
    /// <summary>In capitals (<c>SCHANDE</c>) in a text that is not all capitals: weighs more.</summary>
    Capitals = 1 << 7,
    /// <summary>In a question: weighs less.</summary>
    Question = 1 << 8,
    /// <summary>Between quotation marks: someone else's words, weighs less.</summary>
    Quoted = 1 << 9,
    /// <summary>In reported speech (<c>volgens</c>, <c>zegt</c>, <c>aldus</c>): weighs less.</summary>
    Reported = 1 << 10,
    /// <summary>Matched through its stem rather than its exact form.</summary>
    Stem = 1 << 11,
    /// <summary>An emoji or emoticon.</summary>
    Emoji = 1 << 12,
    /// <summary>A hashtag.</summary>
    Hashtag = 1 << 13,
    /// <summary>Matched as the last part of a compound (<c>coronacrisis</c> → <c>crisis</c>): weighs less.</summary>
    Compound = 1 << 14,
    /// <summary>After excessive <c>te</c> (<c>te makkelijk</c>, <c>te laat</c>): positive turns negative.</summary>
    Excess = 1 << 15,
    /// <summary>
    /// In a sentence that complains of a recurrence (<c>alweer</c>, <c>nog steeds</c>, <c>al weken</c>, <c>weer vol</c>):
    /// criticism weighs more, a fault word (<c>vol</c>) turns negative, and the recurrence word itself counts as a complaint.
    /// </summary>
    Recurrence = 1 << 16,
    /// <summary>Praise made ironic (<c>Top hoor, weer geen vuilniswagen</c>, <c>Goed bezig 🙄</c>): it counts as criticism.</summary>
    Ironic = 1 << 17,
    /// <summary>A multi-word entry of the lexicon (<c>vol vertrouwen</c>, <c>aan te raden</c>, <c>vervelend om te horen</c>).</summary>
    Phrase = 1 << 18,
    /// <summary>In a question that asks for information (<c>Wanneer wordt …?</c>): weighs less.</summary>
    InformationQuestion = 1 << 19,
}
