using System.Globalization;

namespace Polder.Community.Simulation;

/// <summary>
/// A new issue planted in a simulation: from local midnight of <see cref="Start"/>, for <see cref="Days"/> days, the
/// topic gets <see cref="Size"/> times its usual number of new threads, and (when <see cref="Negative"/>) its tone turns
/// negative — the shape of a sudden local complaint (a missed waste collection, a flooded street). Immutable.
/// </summary>
/// <param name="Start">First local day of the event.</param>
/// <param name="Topic">One of the simulator's topics (afval, parkeren, verkeer, groen, overlast, evenementen, wonen).</param>
/// <param name="Size">Multiple of the topic's baseline thread rate during the event (3 = three times as many threads).</param>
/// <param name="Days">Duration in days.</param>
/// <param name="Negative">Whether the topic's tone turns negative during the event.</param>
public sealed record PlantedEvent(DateOnly Start, string Topic, double Size, int Days = 2, bool Negative = true)
{
    /// <summary>
    /// Parses "2024-03-05,afval,3x" with optional fourth and fifth fields "2d" (duration, default 2 days) and
    /// "neutral" (tone unchanged). Several events are separated by ';'.
    /// </summary>
    /// <exception cref="FormatException">A field is missing or malformed; the message names it.</exception>
    public static IReadOnlyList<PlantedEvent> ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<PlantedEvent>();
        foreach (var item in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = item.Split(',', StringSplitOptions.TrimEntries);
            if (f.Length is < 3 or > 5) throw new FormatException($"event '{item}': expected DATE,TOPIC,SIZEx[,DAYSd][,neutral]");
            if (!DateOnly.TryParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
                throw new FormatException($"event '{item}': date '{f[0]}' is not yyyy-MM-dd");
            if (f[1].Length == 0) throw new FormatException($"event '{item}': empty topic");
            if (!double.TryParse(f[2].TrimEnd('x', 'X'), NumberStyles.Float, CultureInfo.InvariantCulture, out var size) || !(size >= 1) || size > 1000)
                throw new FormatException($"event '{item}': size '{f[2]}' is not a multiple between 1x and 1000x");
            int days = 2;
            if (f.Length >= 4 && (!int.TryParse(f[3].TrimEnd('d', 'D'), NumberStyles.None, CultureInfo.InvariantCulture, out days) || days < 1 || days > 3650))
                throw new FormatException($"event '{item}': duration '{f[3]}' is not a number of days (e.g. 2d)");
            bool negative = true;
            if (f.Length == 5)
                negative = f[4].ToLowerInvariant() switch
                {
                    "negative" => true, "neutral" => false,
                    _ => throw new FormatException($"event '{item}': tone '{f[4]}' is not negative or neutral"),
                };
            list.Add(new PlantedEvent(start, f[1], size, days, negative));
        }
        return list;
    }

    /// <summary>Whether local day <paramref name="d"/> falls inside the event.</summary>
    public bool Covers(DateOnly d) => d >= Start && d < Start.AddDays(Days);

    /// <summary>The event as it is written: "2024-03-05,afval,3x,2d".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Start:yyyy-MM-dd},{Topic},{Size}x,{Days}d{(Negative ? "" : ",neutral")}");
}
