using Polder.Community;
using Polder.Community.Reading;
using Polder.Networks;

namespace Polder.Analysis;

/// <summary>
/// The interactions of one input file, as <c>polder network</c> reads it: an edge list through
/// <see cref="InteractionEdgeLoader"/>, or the posts of political tweets, reddit messages or a Polder CSV through the one
/// community reader (the reader <c>analyze</c> uses), their edges from <see cref="PostInteractions.BetweenKnownActors"/>.
/// Immutable once read.
/// </summary>
/// <param name="Format">edges, tweets, reddit or polder.</param>
/// <param name="Edges">The interactions.</param>
/// <param name="Groups">Author → party for political tweets ("" for a missing label); empty otherwise.</param>
/// <param name="Community">The posts, for files of posts; null for an edge list.</param>
/// <param name="Read">The community reader's row accounting, for files of posts.</param>
/// <param name="Layout">The columns an edge list was read with; null for files of posts.</param>
public sealed record NetworkInput(string Format, List<InteractionEdge> Edges, Dictionary<string, string> Groups,
    OnlineCommunity? Community, ReadSummary? Read, InteractionEdgeLoader.EdgeListLayout? Layout)
{
    /// <summary>The formats <see cref="Load"/> reads (besides "auto").</summary>
    public static readonly IReadOnlyList<string> Formats = ["edges", "tweets", "reddit", "polder"];

    /// <summary>The format a header line names (the community reader's one sniffer), or else an edge list.</summary>
    public static string DetectFormat(string header) => CommunityFormats.Sniff(header) switch
    {
        "political-tweets" => "tweets",
        "reddit" => "reddit",
        "polder" => "polder",
        _ => "edges",
    };

    /// <summary>
    /// Reads <paramref name="path"/> in <paramref name="format"/> (one of <see cref="Formats"/>); <paramref name="columns"/>
    /// declares an edge list's columns. Invalid UTF-8 and other bad rows of a file of posts are counted in <see cref="Read"/>.
    /// </summary>
    public static NetworkInput Load(string path, string format, string? columns = null)
    {
        if (format == "edges")
        {
            var edges = InteractionEdgeLoader.ReadEdgeListFile(path, columns, out var layout);
            return new NetworkInput(format, edges, new Dictionary<string, string>(StringComparer.Ordinal), null, null, layout);
        }
        var mapping = CommunityFormats.ByName(format)
            ?? throw new ArgumentException($"'{format}' is not one of {string.Join(", ", Formats)}", nameof(format));
        var analyzer = new CommunityAnalyzer(new AnalysisOptions { Mapping = mapping, Layers = AnalysisLayers.None });
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var (community, read) = analyzer.Load(stream, Path.GetFileName(path), Path.GetExtension(path));
        // one rule for unknown authors: "[deleted]"/"[removed]" (the readers' id for an empty author) are many people, not
        // one actor, so their posts stay in threads and cascades but give no interaction edges
        var groups = format == "tweets" ? PostInteractions.AuthorGroups(community, Actor.Party) : new Dictionary<string, string>(StringComparer.Ordinal);
        return new NetworkInput(format, PostInteractions.BetweenKnownActors(community).ToList(), groups, community, read, null);
    }
}
