namespace Polder.Sentiment;

/// <summary>
/// Hyper-parameters of <see cref="SentimentTrainer"/>. The defaults were chosen by repeated stratified 5-fold
/// cross-validation (seeds 1–5) on the 899 training tweets of the MP tweets set (never on its test split); see
/// docs/sentiment.md for the figures of the alternatives.
/// </summary>
public sealed record SentimentTrainerOptions
{
    /// <summary>The defaults.</summary>
    public static SentimentTrainerOptions Default { get; } = new();

    /// <summary>Seed for ML.NET and the cross-validation folds: the same data and seed give the same model.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Longest word n-gram (all shorter ones are included).</summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>Longest character n-gram (all lengths from 1 up when <see cref="AllCharNgramLengths"/>).</summary>
    public int CharNgramLength { get; init; } = 3;

    /// <summary>Whether character n-grams of every length up to <see cref="CharNgramLength"/> are used.</summary>
    public bool AllCharNgramLengths { get; init; } = false;

    /// <summary>
    /// Whether the n-grams are taken from Polder's normalised tokens (lower case, squashed elongations,
    /// placeholders for URLs, mentions, e-mail addresses and numbers) rather than ML.NET's own word split.
    /// </summary>
    public bool NormalizeText { get; init; } = false;

    /// <summary>Whether word n-grams are built from Snowball stems (only with <see cref="NormalizeText"/>).</summary>
    public bool StemWords { get; init; } = false;

    /// <summary>Whether the zero-shot analyser's lexicon and rule features are added.</summary>
    public bool UseLexiconFeatures { get; init; } = true;

    /// <summary>
    /// How many times the (standardised) lexicon features enter the feature vector: k copies under L2
    /// regularisation weigh them like a √k scaling against the n-grams, and save with the model.
    /// </summary>
    public int LexiconRepeats { get; init; } = 1;

    /// <summary>The learner: L-BFGS maximum entropy ("maxent", default), SDCA maximum entropy ("sdca"), or one-versus-all linear SVMs ("svm").</summary>
    public string Learner { get; init; } = "maxent";

    /// <summary>L2 regularisation of the maximum-entropy classifier.</summary>
    public float L2Regularization { get; init; } = 0.5f;

    /// <summary>
    /// Whether n-gram counts are weighted by inverse document frequency (TF-IDF) before L2 normalisation. On by
    /// default: repeated 5×5-fold CV on the MP training tweets gave macro-F1 0.697 against 0.682 without it.
    /// </summary>
    public bool UseIdf { get; init; } = true;

    /// <summary>
    /// Whether words in a negation's scope (after <c>niet</c>, <c>geen</c>, <c>nooit</c>… up to the end of the
    /// clause or three words) get a <c>neg_</c> prefix in the word n-grams (only with
    /// <see cref="NormalizeText"/>).
    /// </summary>
    public bool MarkNegation { get; init; } = false;

    /// <summary>
    /// Keep only n-gram features seen in at least this many training texts (1 keeps all): rare n-grams mostly add
    /// noise on small training sets.
    /// </summary>
    public int MinNgramCount { get; init; } = 1;

    /// <summary>
    /// When positive, keep only this many word n-gram features and this many character n-gram features, those with
    /// the highest mutual information with the label on the training data (0 keeps all).
    /// </summary>
    public int MutualInformationSlots { get; init; } = 0;

    /// <summary>Whether examples are weighted inversely to their class frequency (balanced classes).</summary>
    public bool ClassWeighting { get; init; } = false;

    /// <summary>L1 regularisation of the maximum-entropy classifier.</summary>
    public float L1Regularization { get; init; } = 0f;
}
