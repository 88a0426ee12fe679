using Polder.Community;

namespace Polder.Networks;

/// <summary>Summary of the cascades of one kind (replies, retweets or quotes).</summary>
/// <param name="Kind">"reply", "retweet" or "quote".</param>
/// <param name="Cascades">Cascades with at least one response (reply, retweet or quote), largest first.</param>
/// <param name="Responses">Responses of this kind in all cascades.</param>
/// <param name="RootsInData">Cascades whose root post is in the data (for retweets the original is often outside it).</param>
/// <param name="MeanSize">Mean size (root included).</param>
/// <param name="MeanDepth">Mean depth (retweet cascades are flat: depth 1, a platform credits every retweet to the original).</param>
/// <param name="MaxDepth">Largest depth.</param>
/// <param name="MedianFirstResponseSeconds">Median seconds from root to first response, over cascades whose root time is known.</param>
/// <param name="MedianDurationSeconds">Median seconds from root (or first response when the root is not in the data) to the last response.</param>
public sealed record CascadeSummary(string Kind, IReadOnlyList<Cascade> Cascades, int Responses, int RootsInData, double MeanSize,
    double MeanDepth, int MaxDepth, double? MedianFirstResponseSeconds, double? MedianDurationSeconds);

/// <summary>
/// Reply, retweet and quote cascades of a community's posts: size, depth and speed per cascade.
/// Replies and quotes hang from their parent post (<see cref="Post.ParentId"/>). A retweet hangs from its parent when it
/// has one, otherwise from the original: a post of <see cref="Post.SharedFromId"/> with the same text (whitespace and case
/// folded, first 80 characters, so truncated re-shares still match); when the original is not in the data the cascade gets
/// a stand-in root at the time of its first retweet (so first-response time is unknown for it).
/// </summary>
public static class PostCascades
{
    private const int TextKeyLength = 80;

    /// <summary>Measures the cascades of <paramref name="posts"/>, one summary per kind.</summary>
    public static IReadOnlyList<CascadeSummary> Measure(IEnumerable<Post> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var list = posts.ToList();
        var byId = new Dictionary<string, Post>(StringComparer.Ordinal);
        foreach (var p in list) byId.TryAdd(p.Id, p);
        // the text index of originals is built only when a retweet without a known parent needs it: folding the text of
        // every post costs seconds on a million-post community whose retweets all name their parent
        var originals = new Lazy<Dictionary<(string, string), Post>>(() =>
        {
            var d = new Dictionary<(string, string), Post>();
            foreach (var p in list.Where(p => p.Kind != PostKind.Retweet).OrderBy(p => p.Time))
                d.TryAdd((p.AuthorId, TextKey(p.Text)), p);
            return d;
        });
        return
        [
            Summarise("reply", list, byId, PostKind.Reply, null),
            Summarise("retweet", list, byId, PostKind.Retweet, originals),
            Summarise("quote", list, byId, PostKind.Quote, null),
        ];
    }

    private static CascadeSummary Summarise(string name, List<Post> posts, Dictionary<string, Post> byId, PostKind kind,
        Lazy<Dictionary<(string, string), Post>>? originals)
    {
        // responses of this kind, each attached to a root: replies/quotes follow the parent chain to the thread root
        var messages = new Dictionary<string, ThreadMessage>(StringComparer.Ordinal);
        var standIn = new HashSet<string>(StringComparer.Ordinal);
        int responses = 0;
        foreach (var p in posts.Where(p => p.Kind == kind).OrderBy(p => p.Time))
        {
            string? parent = p.ParentId is { Length: > 0 } pid && byId.ContainsKey(pid) ? pid : null;
            if (parent is null && originals is not null && p.SharedFromId is { Length: > 0 } src)
            {
                if (originals.Value.TryGetValue((src, TextKey(p.Text)), out var orig)) parent = orig.Id;
                else
                {
                    parent = "rt-origin:" + src + ":" + TextKey(p.Text);
                    if (standIn.Add(parent)) messages[parent] = new ThreadMessage(parent, null, src, p.Time.ToUnixTimeSeconds());
                }
            }
            if (parent is null) continue;
            responses++;
            messages[p.Id] = new ThreadMessage(p.Id, parent, p.AuthorId, p.Time.ToUnixTimeSeconds());
            // bring in the chain of ancestors up to the root so depth is measured from the thread start
            var up = parent;
            while (!messages.ContainsKey(up) && byId.TryGetValue(up, out var anc))
            {
                var ap = anc.ParentId is { Length: > 0 } x && byId.ContainsKey(x) && anc.Kind == kind ? x : null;
                messages[up] = new ThreadMessage(anc.Id, ap, anc.AuthorId, anc.Time.ToUnixTimeSeconds());
                if (ap is null) break;
                up = ap;
            }
        }
        var cascades = Cascades.Measure(messages.Values).Where(c => c.Size > 1).ToList();
        var known = cascades.Where(c => !standIn.Contains(c.RootId)).ToList();
        return new CascadeSummary(name, cascades, responses, known.Count,
            cascades.Count == 0 ? 0 : cascades.Average(c => c.Size),
            cascades.Count == 0 ? 0 : cascades.Average(c => c.Depth),
            cascades.Count == 0 ? 0 : cascades.Max(c => c.Depth),
            Median(known.Where(c => c.FirstResponseSeconds is not null).Select(c => (double)c.FirstResponseSeconds!.Value)),
            Median(cascades.Select(c => (double)c.DurationSeconds)));
    }

    private static string TextKey(string text)
    {
        if (SocialText.TrySplitRetweet(text, out _, out var shared)) text = shared.ToString();
        var folded = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant().TrimEnd('…', '.');
        return folded.Length <= TextKeyLength ? folded : folded[..TextKeyLength];
    }

    private static double? Median(IEnumerable<double> xs)
    {
        var a = xs.Order().ToArray();
        return a.Length == 0 ? null : a.Length % 2 == 1 ? a[a.Length / 2] : (a[a.Length / 2 - 1] + a[a.Length / 2]) / 2;
    }
}
