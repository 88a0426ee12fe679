namespace Polder.Community.Reading;

/// <summary>A read that cannot go on (a <see cref="FormatException"/>): a missing column, or the first bad row under <see cref="ReadPolicy.FailFast"/>.</summary>
public sealed class CommunityReadException : FormatException
{
    /// <summary>Creates the exception for <paramref name="issue"/>.</summary>
    public CommunityReadException(ReadIssue issue) : base(issue.ToString()) => Issue = issue;

    /// <summary>Where and why.</summary>
    public ReadIssue Issue { get; }
}
