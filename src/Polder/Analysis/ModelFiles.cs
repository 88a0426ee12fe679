using Polder.Topics;

namespace Polder.Analysis;

/// <summary>Loads model files for <see cref="AnalysisOptions"/>, turning every failure into a <see cref="PolderInputException"/> that names the file.</summary>
public static class ModelFiles
{
    /// <summary>Largest model file accepted (256 MiB).</summary>
    public const long MaxModelBytes = 256L * 1024 * 1024;

    /// <summary>Loads a topic model written by <see cref="TopicClassifier.Save(string)"/> (<c>polder train topics</c>).</summary>
    public static TopicClassifier LoadTopicClassifier(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new PolderInputException("topic model file not found", path);
        long length = new FileInfo(path).Length;
        if (length == 0) throw new PolderInputException("the topic model file is empty", path);
        if (length > MaxModelBytes) throw new PolderInputException($"the topic model file is {length:N0} bytes; at most {MaxModelBytes:N0} are accepted", path);
        try
        {
            using var s = File.OpenRead(path);
            return TopicClassifier.Load(s);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or FormatException or ArgumentException
                                      or OverflowException or OutOfMemoryException or UnauthorizedAccessException)
        {
            throw new PolderInputException($"not a valid Polder topic model ({e.Message.TrimEnd('.')}); train one with 'polder train topics' or leave the option out to use the shipped themes model", path, inner: e);
        }
    }
}
