namespace Polder.Sentiment;

/// <summary>
/// The thresholds and rule strengths of the <see cref="SentimentAnalyzer"/>. Immutable; the defaults were
/// chosen on the training split of the MP tweets only.
/// </summary>
public sealed record SentimentOptions
{
    /// <summary>The defaults.</summary>
    public static SentimentOptions Default { get; } = new();

    /// <summary>A score at or above this is positive.</summary>
    public double PositiveThreshold { get; init; } = 0.3;

    /// <summary>A score at or below minus this is negative.</summary>
    public double NegativeThreshold { get; init; } = 0.15;

    /// <summary>The raw sum S is squashed to S / sqrt(S² + Squash), into (-1, 1).</summary>
    public double Squash { get; init; } = 1.0;

    /// <summary>How many words after a negator it reaches (the clause ends it earlier).</summary>
    public int NegationScope { get; init; } = 4;

    /// <summary>Multiplier before a contrast (<c>X maar Y</c>: X) and in a concessive clause.</summary>
    public float BeforeContrast { get; init; } = 0.5f;

    /// <summary>Multiplier after a contrast (<c>X maar Y</c>: Y).</summary>
    public float AfterContrast { get; init; } = 1.5f;

    /// <summary>Added to the multiplier per exclamation mark in the sentence, at most three.</summary>
    public float ExclamationStep { get; init; } = 0.15f;

    /// <summary>Multiplier for elongated words (<c>mooooi</c>).</summary>
    public float Elongation { get; init; } = 1.3f;

    /// <summary>Multiplier for words in capitals in a text that is not all capitals.</summary>
    public float Capitals { get; init; } = 1.3f;

    /// <summary>Multiplier for positive sentiment in a question (praise in a question is often rhetorical).</summary>
    public float QuestionPositive { get; init; } = 0.5f;

    /// <summary>Multiplier for negative sentiment in a question.</summary>
    public float QuestionNegative { get; init; } = 1.0f;

    /// <summary>The weight of a negator that negates no sentiment word (<c>dat kan niet</c>); 0 turns it off.</summary>
    public float BareNegation { get; init; } = -0.15f;

    /// <summary>The prior of a neutral scalar word after excessive <c>te</c> (<c>te laat</c>, <c>te weinig</c>).</summary>
    public float ExcessScalar { get; init; } = -0.3f;

    /// <summary>Multiplier for sentiment between quotation marks.</summary>
    public float Quoted { get; init; } = 0.6f;

    /// <summary>Multiplier for a word matched as the end of a compound (<c>coronacrisis</c>).</summary>
    public float Compound { get; init; } = 0.7f;

    /// <summary>Multiplier for criticism in a sentence with a recurrence (<c>alweer</c>, <c>nog steeds</c>, <c>weer</c>).</summary>
    public float RecurrenceBoost { get; init; } = 1.3f;

    /// <summary>The weight of a strong recurrence (<c>alweer</c>, <c>nog steeds</c>, <c>al weken</c>) in a sentence without praise; 0 turns it off.</summary>
    public float Recurrence { get; init; } = -0.3f;

    /// <summary>The prior of a fault word (<c>vol</c>, <c>stuk</c>) in a sentence with a recurrence (<c>De container is weer vol.</c>).</summary>
    public float Fault { get; init; } = -0.4f;

    /// <summary>Ironic praise counts as criticism of this many times its weight; 0 turns irony off.</summary>
    public float Irony { get; init; } = 1.0f;

    /// <summary>Multiplier for sentiment in a question that asks for information (<c>Wanneer wordt …?</c>).</summary>
    public float InformationQuestion { get; init; } = 0.3f;

    /// <summary>The weight of <c>waarom</c> or <c>hoezo</c> in a question (a complaint); 0 turns it off.</summary>
    public float ComplaintQuestion { get; init; } = -0.25f;

    /// <summary>Whether to match unknown long words by a known last part (compounds).</summary>
    public bool MatchCompounds { get; init; } = false;
}
