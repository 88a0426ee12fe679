namespace Polder.Data;

/// <summary>
/// The one exception the analysis API throws for a mistake in what the user gave it: a missing or unreadable file, a
/// column the mapping needs that the file lacks, an input without any usable post, a wrong or corrupt model file. The
/// message is written for a person and names the file and, when known, the line and field.
/// </summary>
public sealed class PolderInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, for a person.</param>
    /// <param name="file">The file (or source name) at fault, when known.</param>
    /// <param name="line">The 1-based line (Parquet: row), when known.</param>
    /// <param name="field">The field or column, when known.</param>
    /// <param name="inner">The underlying exception, when any.</param>
    public PolderInputException(string message, string? file = null, long? line = null, string? field = null, Exception? inner = null)
        : base(Compose(message, file, line, field), inner)
    {
        File = file; Line = line; Field = field; Reason = message;
    }

    /// <summary>The file or source at fault, or null.</summary>
    public string? File { get; }

    /// <summary>The 1-based line (for Parquet the row), or null.</summary>
    public long? Line { get; }

    /// <summary>The field or column at fault, or null.</summary>
    public string? Field { get; }

    /// <summary>The reason without the location prefix.</summary>
    public string Reason { get; }

    private static string Compose(string message, string? file, long? line, string? field)
    {
        if (file is null) return field is null ? message : $"field '{field}': {message}";
        var where = line is { } l ? $"{file}:{l}" : file;
        return field is null ? $"{where}: {message}" : $"{where}: field '{field}': {message}";
    }
}
