namespace Polder.Topics;

/// <summary>The ML.NET optimiser that fits a multi-class maximum-entropy (softmax) model.</summary>
public enum TopicOptimizer
{
    /// <summary>L-BFGS (<c>LbfgsMaximumEntropy</c>): exact optimum of the regularised log-loss.</summary>
    Lbfgs,

    /// <summary>Stochastic dual coordinate ascent (<c>SdcaMaximumEntropy</c>): fewer passes over the data.</summary>
    Sdca,
}
