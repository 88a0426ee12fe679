namespace Polder.Community.Reading;

/// <summary>What a reader does with a row it cannot accept.</summary>
public enum ReadPolicy
{
    /// <summary>Record the rejection in the <see cref="ReadReport"/> and go on with the next row.</summary>
    SkipAndReport = 0,
    /// <summary>Record the rejection and throw a <see cref="CommunityReadException"/> at once.</summary>
    FailFast = 1,
}
