namespace Polder.Topics.Alerts;

/// <summary>Which of the analysis's topic keys the alerts watch.</summary>
public enum AlertTopicSource
{
    /// <summary>
    /// Complaint categories when at least 5 % of the read posts have one (a municipal community); otherwise the discovered
    /// topics when there are some and the themes model does not apply to the posts; otherwise themes.
    /// </summary>
    Auto,
    /// <summary>The Signalen complaint category of the post, or else of its thread's first post with one.</summary>
    Complaints,
    /// <summary>The themes model's thread topic.</summary>
    Themes,
    /// <summary>The community's own discovered topic of the post (its label), when the analysis discovered topics.</summary>
    Discovered,
}
