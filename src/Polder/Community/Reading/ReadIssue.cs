namespace Polder.Community.Reading;

/// <summary>Why one input row was rejected.</summary>
/// <param name="File">The source (file name or a caller-given name).</param>
/// <param name="Line">1-based line where the row starts (for Parquet: the 1-based row number).</param>
/// <param name="Field">The column at fault, or null when the row as a whole is at fault.</param>
/// <param name="Reason">A human-readable reason.</param>
public sealed record ReadIssue(string File, long Line, string? Field, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}: {(Field is null ? "" : $"field '{Field}': ")}{Reason}";
}
