namespace Polder.Analysis;

/// <summary>
/// The sample community shipped inside the library: a simulated Dutch municipal community (<c>polder simulate --seed 42
/// --days 60</c>: 1,675 posts of citizens, businesses and the webcare of a municipality, in Polder's CSV layout).
/// </summary>
public static class SampleCommunity
{
    /// <summary>The source name analyses of the sample report.</summary>
    public const string SourceName = "community-sample.csv (embedded)";

    private const string Resource = "Polder.Analysis.community-sample.csv";

    /// <summary>Opens the sample CSV (the caller disposes the stream).</summary>
    public static Stream Open() => typeof(SampleCommunity).Assembly.GetManifestResourceStream(Resource)
        ?? throw new InvalidOperationException("the embedded sample community is missing from Polder.Core");
}
