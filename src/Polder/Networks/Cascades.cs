namespace Polder.Networks;

/// <summary>One message of a reply tree: its id, the id of the message it answers (null or empty for a root), author and unix time.</summary>
/// <param name="Id">Message id.</param>
/// <param name="ParentId">Id of the message replied to; null or empty for a thread root.</param>
/// <param name="Author">Actor id of the author.</param>
/// <param name="Time">Unix seconds.</param>
public readonly record struct ThreadMessage(string Id, string? ParentId, string Author, long Time);

/// <summary>Shape and speed of one reply (or retweet) cascade.</summary>
/// <param name="RootId">Id of the root message.</param>
/// <param name="RootAuthor">Author of the root.</param>
/// <param name="Size">Messages in the cascade, root included.</param>
/// <param name="Depth">Longest reply chain below the root (0 for a root without replies).</param>
/// <param name="MaxBreadth">Most messages at one depth.</param>
/// <param name="Actors">Distinct known authors (empty, "[deleted]" and "[removed]" authors are not counted).</param>
/// <param name="FirstResponseSeconds">Seconds from the root to its first reply, null without replies.</param>
/// <param name="DurationSeconds">Seconds from the root to the last message.</param>
/// <param name="StructuralVirality">Mean shortest-path distance between all pairs of messages in the tree (Goel et al.); 0 for size 1.</param>
public sealed record Cascade(string RootId, string RootAuthor, int Size, int Depth, int MaxBreadth, int Actors,
    long? FirstResponseSeconds, long DurationSeconds, double StructuralVirality);

/// <summary>Reply cascades: the trees of messages hanging from each root.</summary>
public static class Cascades
{
    /// <summary>
    /// One cascade per root. A message whose parent is unknown (deleted, outside the data) starts its own cascade.
    /// Cascades are returned largest first.
    /// </summary>
    public static IReadOnlyList<Cascade> Measure(IEnumerable<ThreadMessage> messages)
    {
        var list = messages.ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < list.Count; i++) index.TryAdd(list[i].Id, i);
        var children = new List<int>?[list.Count];
        var roots = new List<int>();
        for (int i = 0; i < list.Count; i++)
        {
            var p = list[i].ParentId;
            if (!string.IsNullOrEmpty(p) && index.TryGetValue(p, out var pi) && pi != i) (children[pi] ??= []).Add(i);
            else roots.Add(i);
        }
        var result = new List<Cascade>(roots.Count);
        foreach (var r in roots)
        {
            // breadth-first over the tree
            var order = new List<int> { r };
            var depth = new List<int> { 0 };
            var parentPos = new List<int> { -1 };
            for (int k = 0; k < order.Count; k++)
                if (children[order[k]] is { } ch)
                    foreach (var c in ch) { order.Add(c); depth.Add(depth[k] + 1); parentPos.Add(k); }
            int size = order.Count;
            int maxDepth = depth.Max();
            int maxBreadth = depth.GroupBy(d => d).Max(g => g.Count());
            int actors = order.Select(i => list[i].Author).Where(a => a.Length > 0 && a is not "[deleted]" and not "[removed]")
                .Distinct(StringComparer.Ordinal).Count();
            long t0 = list[r].Time;
            long? first = children[r] is { Count: > 0 } rc ? rc.Min(i => list[i].Time) - t0 : null;
            long duration = order.Max(i => list[i].Time) - t0;
            // structural virality: Σ over edges of subtree(c)·(n − subtree(c)), divided by n(n−1)/2
            var sub = new int[size];
            for (int k = size - 1; k >= 0; k--) { sub[k] += 1; if (parentPos[k] >= 0) sub[parentPos[k]] += sub[k]; }
            double wiener = 0;
            for (int k = 1; k < size; k++) wiener += (double)sub[k] * (size - sub[k]);
            double virality = size < 2 ? 0 : wiener / (size * (size - 1) / 2.0);
            result.Add(new Cascade(list[r].Id, list[r].Author, size, maxDepth, maxBreadth, actors, first, duration, virality));
        }
        return result.OrderByDescending(c => c.Size).ThenBy(c => c.RootId, StringComparer.Ordinal).ToList();
    }
}
