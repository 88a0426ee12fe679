namespace Polder.Networks;

/// <summary>One sliding window of interactions: [Start, End) in unix seconds and the graph of the interactions in it.</summary>
/// <param name="Start">Window start (inclusive), unix seconds.</param>
/// <param name="End">Window end (exclusive), unix seconds.</param>
/// <param name="Interactions">Interactions of the selected kinds in the window.</param>
/// <param name="Graph">Their graph; its nodes are only the actors active in the window.</param>
public sealed record InteractionWindow(long Start, long End, int Interactions, CsrGraph Graph);

/// <summary>Sliding-window graphs over timestamped interactions (for "how did the network change week by week").</summary>
public static class InteractionWindows
{
    /// <summary>
    /// Windows [t0 + i·step, t0 + i·step + width) from the first interaction time t0 while the start is at or before the last
    /// time. Kinds, kind weights and direction come from <paramref name="options"/> (its From/Until are applied first; its
    /// extra actors are ignored so that every window holds only its active actors). Interactions with time 0 (unknown) are
    /// left out; with none timed the result is empty.
    /// </summary>
    public static IEnumerable<InteractionWindow> Slide(IReadOnlyList<InteractionEdge> interactions, InteractionGraphOptions options, long width, long step)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(options);
        if (width <= 0 || step <= 0) throw new ArgumentOutOfRangeException(nameof(width), "window width and step must be positive");
        var timed = interactions.Where(e => e.Time != 0 && (e.Kind & options.Kinds) != 0
            && (options.From is not { } f || e.Time >= f) && (options.Until is not { } u || e.Time < u))
            .OrderBy(e => e.Time).ToArray();
        if (timed.Length == 0) yield break;
        long lo = timed[0].Time, hi = timed[^1].Time;
        var windowOptions = options with { ExtraActors = null, From = null, Until = null };
        int first = 0;
        for (long start = lo; start <= hi; start += step)
        {
            long end = start + width;
            while (first < timed.Length && timed[first].Time < start) first++;
            int last = first;
            while (last < timed.Length && timed[last].Time < end) last++;
            var slice = new ArraySegment<InteractionEdge>(timed, first, last - first);
            yield return new InteractionWindow(start, end, slice.Count, GraphBuilder.FromInteractions(slice, windowOptions));
        }
    }

    /// <summary>Parses a duration such as <c>7d</c>, <c>12h</c>, <c>30m</c>, <c>90s</c>, <c>2w</c> or plain seconds, into seconds.</summary>
    public static long ParseDuration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().ToLowerInvariant();
        long unit = t.Length == 0 ? 1 : t[^1] switch { 'w' => 604_800, 'd' => 86_400, 'h' => 3_600, 'm' => 60, 's' => 1, _ => 0 };
        var number = unit == 0 ? t : t[..^1];
        if (unit == 0) unit = 1;
        if (!double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x)
            || !(x > 0) || x * unit > long.MaxValue / 2)
            throw new FormatException($"'{text}' is not a positive duration such as 7d, 12h, 30m, 90s or a number of seconds");
        return (long)Math.Round(x * unit);
    }
}
