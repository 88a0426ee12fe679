namespace Polder.Behaviour;

/// <summary>Who counts as "responding" in a conversation for <see cref="FirstResponseTime"/>.</summary>
public enum ResponderMode
{
    /// <summary><see cref="Organisation"/> when the community has organisation actors, otherwise <see cref="AnyOtherActor"/>.</summary>
    Auto = 0,
    /// <summary>
    /// Webcare: the wait runs from the first message of a non-organisation actor in the thread to the first later post of
    /// the organisation, per organisation involved in the thread (posting in it, or addressed in it by reply or mention).
    /// </summary>
    Organisation = 1,
    /// <summary>Forum: the wait runs from the thread's first post to the first later post by a different author.</summary>
    AnyOtherActor = 2,
}
