using Polder.Behaviour.States;
using Polder.Networks;

namespace Polder.Analysis;

/// <summary>
/// The directed interaction graph of a <see cref="CommunityState"/>: the graph that
/// <see cref="GraphBuilder.FromInteractions"/> makes of the state's interactions in the posts' time order (ties: input
/// order), without those from or to an unknown author, with the same node numbering, edges and weights, built from
/// the state's actor indexes. Through the builder (strings and four growing lists per interaction) the network step
/// took 0.9 GB beside the state at 10M posts (9M interactions between known actors); this holds 4 bytes an
/// interaction, grouped by source and sorted, then the graph itself (16 bytes a distinct pair). Not thread-safe with writers of the state.
/// </summary>
internal static class StateInteractionGraph
{
    /// <summary>Builds the graph (nodes labelled with the actor ids).</summary>
    public static CsrGraph Of(CommunityState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var links = state.Links;
        var actors = state.Actors;
        int actorCount = actors.Count;
        // the same rule as NetworkLayer: an empty or deleted author pools many people into one false hub
        var unknown = new bool[actorCount];
        for (int a = 0; a < actorCount; a++) unknown[a] = actors.IsUnknown(a);

        // The builder numbers actors by first appearance, source before target, in the time-ordered stream. So each
        // actor's first interaction decides its node: the least (time, post index, position in the post, side).
        var firstTicks = new long[actorCount];
        var firstPlace = new ulong[actorCount];
        Array.Fill(firstTicks, long.MaxValue);
        Array.Fill(firstPlace, ulong.MaxValue);   // never seen: not a node
        var outCount = new int[actorCount];   // interactions from each actor: the length of its row
        int interactions = 0;
        int lastPost = -1, position = 0;
        foreach (var (post, source, target, _) in links.InteractionsByIndex())
        {
            if (post != lastPost) { lastPost = post; position = 0; }
            ulong place = (ulong)(uint)post << 32 | (ulong)(uint)position++ << 1;
            if (unknown[source] || unknown[target]) continue;
            long ticks = links[post].Ticks;
            Seen(source, ticks, place);
            Seen(target, ticks, place | 1);
            outCount[source]++;
            if (++interactions == Array.MaxLength) throw new InvalidOperationException($"more interactions than one array holds ({Array.MaxLength:N0})");
        }

        int nodeCount = 0;
        for (int a = 0; a < actorCount; a++) if (firstPlace[a] != ulong.MaxValue) nodeCount++;
        var firsts = new (long Ticks, ulong Place)[nodeCount];
        var byFirst = new int[nodeCount];
        for (int a = 0, k = 0; a < actorCount; a++)
            if (firstPlace[a] != ulong.MaxValue) { firsts[k] = (firstTicks[a], firstPlace[a]); byFirst[k++] = a; }
        Array.Sort(firsts, byFirst);   // the keys are distinct: one interaction has one source and one target
        var nodeOf = new int[actorCount];
        var labels = new string[nodeCount];
        for (int v = 0; v < nodeCount; v++) { nodeOf[byFirst[v]] = v; labels[v] = actors[byFirst[v]].Id; }

        // Every interaction's target in its source's row (4 bytes an interaction); each row sorted, equal targets sit
        // together and their run length is the edge's weight (every kind weighs 1, so the builder's summed weights are
        // these counts)
        var rowStarts = new int[nodeCount + 1];
        for (int a = 0; a < actorCount; a++) if (firstPlace[a] != ulong.MaxValue) rowStarts[nodeOf[a] + 1] = outCount[a];
        for (int v = 0; v < nodeCount; v++) rowStarts[v + 1] += rowStarts[v];
        var fill = rowStarts.AsSpan(0, nodeCount).ToArray();
        var targets = new int[interactions];
        foreach (var (_, source, target, _) in links.InteractionsByIndex())
            if (!unknown[source] && !unknown[target]) targets[fill[nodeOf[source]]++] = nodeOf[target];
        for (int v = 0; v < nodeCount; v++) Array.Sort(targets, rowStarts[v], rowStarts[v + 1] - rowStarts[v]);
        // the caller collects once the state is dropped too (StreamingAnalysis)
        return GraphBuilder.FromSortedRows(nodeCount, rowStarts, targets, labels);

        void Seen(int actor, long ticks, ulong place)
        {
            if (ticks < firstTicks[actor] || (ticks == firstTicks[actor] && place < firstPlace[actor]))
            { firstTicks[actor] = ticks; firstPlace[actor] = place; }
        }
    }
}
