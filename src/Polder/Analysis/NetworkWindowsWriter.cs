using System.Globalization;
using System.Text;
using Polder.Networks;

namespace Polder.Analysis;

/// <summary>Writes <c>windows.csv</c> for <c>polder network FILE --window 7d --step 1d</c>: one summary row per sliding window.</summary>
internal static class NetworkWindowsWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Builds every window graph, finds its Leiden communities with <paramref name="community"/> and writes the rows; returns the number of windows.</summary>
    public static int Write(string path, IReadOnlyList<InteractionEdge> edges, InteractionGraphOptions options, long width, long step,
        CommunityOptions community)
    {
        int count = 0;
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.WriteLine("start,end,interactions,nodes,edges,modularity,communities,top_actor,top_pagerank");
        foreach (var win in InteractionWindows.Slide(edges, options, width, step))
        {
            var g = win.Graph;
            var view = community.Directed ? g : g.ToUndirected();
            var partition = Leiden.Detect(view, community);
            double modularity = community.Directed ? Modularity.OfDirected(g, partition.Membership, community.Resolution)
                : Modularity.Of(view, partition.Membership, community.Resolution);
            string top = "";
            double topScore = 0;
            if (g.NodeCount > 0)
            {
                var pr = PageRank.Compute(g);
                int best = 0;
                for (int v = 1; v < pr.Length; v++) if (pr[v] > pr[best]) best = v;
                top = g.Label(best); topScore = pr[best];
            }
            w.WriteLine(string.Join(",", Time(win.Start), Time(win.End), win.Interactions.ToString(Inv), g.NodeCount.ToString(Inv),
                view.EdgeCount.ToString(Inv), modularity.ToString("R", Inv), partition.CommunityCount.ToString(Inv), CsvWriter.Escape(top), topScore.ToString("R", Inv)));
            count++;
        }
        return count;
    }

    private static string Time(long unix) => DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Inv);
}
