namespace Polder.Topics;

/// <summary>Settings for <see cref="TopicClassifierTrainer"/>.</summary>
public sealed record TopicClassifierOptions
{
    /// <summary>The features: word and character n-grams, stems, minimum document frequency.</summary>
    public TextFeaturizerOptions Features { get; init; } = TextFeaturizerOptions.Default;

    /// <summary>
    /// Multi-label: every label is a separate calibrated yes/no (logistic regression per label) and a text may
    /// get several. Otherwise multi-class: one softmax (maximum entropy) over all labels.
    /// </summary>
    public bool MultiLabel { get; init; }

    /// <summary>How rare classes are weighted; balanced by default (themes are very imbalanced).</summary>
    public ClassWeighting ClassWeighting { get; init; } = ClassWeighting.Balanced;

    /// <summary>The ML.NET optimiser for multi-class models.</summary>
    public TopicOptimizer Optimizer { get; init; } = TopicOptimizer.Lbfgs;

    /// <summary>L2 regularisation of the linear model (ML.NET L-BFGS).</summary>
    public float L2Regularization { get; init; } = 1e-3f;

    /// <summary>L1 regularisation (sparser, smaller models; 0 = off).</summary>
    public float L1Regularization { get; init; }

    /// <summary>Maximum optimiser iterations.</summary>
    public int MaximumIterations { get; init; } = 200;

    /// <summary>Optimiser convergence tolerance.</summary>
    public float OptimizationTolerance { get; init; } = 1e-5f;

    /// <summary>Seed: the same data, options and seed give the same model.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Before training, keep only this many features: those most associated with the labels on the training texts
    /// (chi-squared, as scikit-learn's <c>SelectKBest(chi2)</c>). Fewer features: faster training and prediction,
    /// smaller models (0 = keep all). Default 30,000: on the dekamer themes time split it kept dev accuracy and
    /// macro-F1 (slightly up) while cutting the n-grams per text from ~1,700 to ~320.
    /// </summary>
    public int SelectFeatures { get; init; } = 30_000;

    /// <summary>
    /// Keep only this many features after training, those with the largest weights (0 = keep all). Smaller models,
    /// faster prediction; the kept weights are refitted so that probabilities stay consistent.
    /// </summary>
    public int MaxFeatures { get; init; }

    /// <summary>
    /// With texts from time periods (<see cref="TopicClassifierTrainer.Train(IReadOnlyList{string}, IReadOnlyList{string}, IReadOnlyList{string})"/>):
    /// a text weighs half as much per this many periods before the latest one (0 = every period the same).
    /// </summary>
    public float RecencyHalfLife { get; init; }

    /// <summary>Multi-label only: a label is predicted when its probability reaches this.</summary>
    public float MultiLabelThreshold { get; init; } = 0.5f;

    /// <summary>Receives progress messages with stage timings (null: silent).</summary>
    public Action<string>? Log { get; init; }

    /// <summary>The defaults.</summary>
    public static TopicClassifierOptions Default { get; } = new();
}
