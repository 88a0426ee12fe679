namespace Polder.Topics;

/// <summary>How training examples of rare and frequent classes are weighted.</summary>
public enum ClassWeighting
{
    /// <summary>Every example weighs 1.</summary>
    None,

    /// <summary>Weight n / (k · n_c): every class weighs the same in total (scikit-learn's "balanced").</summary>
    Balanced,

    /// <summary>The square root of <see cref="Balanced"/>: a middle way for very rare classes.</summary>
    SquareRootBalanced,
}
