using Polder.Analysis;
using Polder.Community.Reading;
using Polder.Service.Api;
using Polder.Service.Grains;

namespace Polder.Service.Ingestion;

/// <summary>
/// Ingests a file of posts (any format the library reads: Polder CSV, reddit, political tweets, JSON lines, Parquet)
/// into one community, in batches, through the same grain call as the HTTP API. The whole file is read and checked
/// first (fail fast on the first bad row), so a malformed file stores nothing. A batch that fails (a silo going down)
/// is sent again; idempotency by post id makes that safe.
/// </summary>
public static class FileIngestor
{
    /// <summary>Posts per grain call.</summary>
    public const int BatchSize = 1000;

    /// <summary>
    /// Reads <paramref name="path"/> with <paramref name="mapping"/> (null: detected from a delimited file's header,
    /// Polder's layout otherwise) and ingests it into <paramref name="community"/>; returns the posts added.
    /// </summary>
    /// <exception cref="CommunityReadException">A bad row: nothing was ingested.</exception>
    public static async Task<IngestResult> IngestAsync(IGrainFactory grains, string community, string path, PostMapping? mapping = null,
        CancellationToken ct = default)
    {
        mapping ??= DetectMapping(path);
        var posts = CommunityLoader.Read(path, mapping, PostBatch.Options, out _).Select(PostMessage.From).ToList();
        return await IngestAsync(grains, community, posts, ct);
    }

    /// <summary>
    /// Ingests <paramref name="posts"/> in batches of <paramref name="batchSize"/>, retrying a failed batch up to seven
    /// times; <paramref name="acknowledged"/> hears the number of each batch the grain has stored.
    /// </summary>
    public static async Task<IngestResult> IngestAsync(IGrainFactory grains, string community, IReadOnlyList<PostMessage> posts,
        CancellationToken ct = default, int batchSize = BatchSize, Action<int>? acknowledged = null)
    {
        var grain = grains.GetGrain<ICommunityGrain>(community);
        int added = 0, duplicates = 0;
        long total = 0;
        for (int i = 0; i < posts.Count; i += batchSize)
        {
            var batch = PostMessage.Read(posts.Skip(i).Take(batchSize).ToArray(), TextAnalyzer.Default);
            for (int attempt = 1; ; attempt++)
            {
                ct.ThrowIfCancellationRequested();
                try
                {
                    var r = await grain.Ingest(batch);
                    (added, duplicates, total) = (added + r.Added, duplicates + r.Duplicates, r.TotalPosts);
                    acknowledged?.Invoke(i / batchSize);
                    break;
                }
                catch (Exception) when (attempt < 8 && !ct.IsCancellationRequested)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), ct);
                }
            }
        }
        return new IngestResult(posts.Count, added, duplicates, total);
    }

    /// <summary>The mapping of a file: from the header of delimited text, Polder's own layout otherwise.</summary>
    public static PostMapping DetectMapping(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".csv" or ".tsv" or ".txt")
            using (var r = new StreamReader(path))
                return CommunityFormats.Detect(r.ReadLine() ?? "");
        return CommunityFormats.PolderCsv;
    }
}
