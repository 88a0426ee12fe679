namespace Polder.Analysis;

/// <summary>
/// The one way the pipeline returns a big stage's garbage before the next stage allocates on top of it: a blocking,
/// compacting, aggressive full collection (the large object heap too, and the freed memory given back to the system),
/// which lowers the peak resident memory (docs/streaming.md). About half a CPU second at a million posts.
/// </summary>
internal static class HeapCompaction
{
    /// <summary>Posts from which a stage's garbage is worth a collection (below it, the collection costs more than it saves).</summary>
    public const int FromPosts = 200_000;

    /// <summary>
    /// Garbage the heap may gather during a long pass (a streamed read, the output tables) above what the last
    /// compacting collection left (bytes). A batch's texts, documents and rows partly outlive the young generations
    /// while it is worked on, and the state grows in large chunks; collecting every million posts instead let the
    /// resident memory run 300–500 MB above the live heap at 3–10M posts (docs/streaming.md). A collection costs well
    /// under a second at 10M posts: most of the live heap is arrays of plain structs, which the collector does not trace.
    /// </summary>
    public const long GarbageBound = 160L << 20;

    /// <summary>Collects and compacts now.</summary>
    public static void Compact() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>
    /// After reading, topic discovery or the text layer of a community of <paramref name="posts"/>: the reader's and the
    /// layers' temporary tables and the discovery fit's matrices are spread over the old generations.
    /// </summary>
    public static void AfterStage(int posts)
    {
        if (posts >= FromPosts) Compact();
    }

    /// <summary>
    /// Compacts whenever the heap has grown <paramref name="bytes"/> above what the last compaction left (the first
    /// <see cref="Check"/> compacts): bounds the garbage a long read gathers in the old generations. Not thread-safe.
    /// </summary>
    internal sealed class Bound(long bytes)
    {
        private long _after = -1;

        /// <summary>Compacts when the bound is reached.</summary>
        public void Check()
        {
            if (_after >= 0 && GC.GetTotalMemory(false) - _after < bytes) return;
            Compact();
            _after = GC.GetTotalMemory(false);
        }
    }
}
