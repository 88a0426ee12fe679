namespace Polder.Topics.Alerts;

/// <summary>What rose unusually.</summary>
public enum AlertKind
{
    /// <summary>The number of posts.</summary>
    Volume,
    /// <summary>The share of negative posts among those with a sentiment label.</summary>
    NegativeShare,
}
