using System.Globalization;

namespace Polder.Networks;

/// <summary>
/// Reads plain edge lists (<c>src dst [weight] [time]</c>) as <see cref="InteractionEdge"/>s. Files of posts (political
/// tweets, reddit messages, Polder CSV) are read by the one community reader (<c>Polder.Community.Reading</c>) and their
/// interactions come from <see cref="PostInteractions"/>.
/// </summary>
public static class InteractionEdgeLoader
{
    /// <summary>
    /// Reads an edge list: one edge a line, fields separated by whitespace, comma, semicolon or tab. The columns are
    /// declared by <paramref name="columns"/> (e.g. <c>"src,dst,time"</c>; names other than src, dst, weight and time are
    /// ignored columns) or by a header line (a first line with a known column name or non-numeric third field). Without
    /// either, two fields are <c>src dst</c>; a third field that looks like Unix seconds (a whole number from 100,000,000,
    /// March 1973, to 4,200,000,000, in 2103) is time, never weight; any other third field is ambiguous and an error that
    /// asks for <c>--columns</c>. Blank lines and lines starting with '#' or '%' are skipped. Errors are
    /// <see cref="Polder.Data.PolderInputException"/>s naming the source, line and field.
    /// </summary>
    public static IEnumerable<InteractionEdge> ReadEdgeList(TextReader reader, string? columns = null) =>
        ParseEdgeList(Lines(reader), columns, "input", new EdgeListLayout());

    /// <summary>The columns an edge-list read used (after header or third-column detection).</summary>
    public sealed class EdgeListLayout
    {
        /// <summary>Column roles in file order: src, dst, weight, time, or another name for an ignored column.</summary>
        public IReadOnlyList<string> Columns { get; internal set; } = [];

        /// <summary>How the columns were decided: "--columns", "header", "two columns" or <see cref="ThirdColumnIsTime"/>.</summary>
        public string Source { get; internal set; } = "";

        /// <summary>The <see cref="Source"/> of a headerless three-column file whose third column holds Unix seconds.</summary>
        public const string ThirdColumnIsTime = "third column is Unix time";
    }

    private static IEnumerable<(long Line, string Text)> Lines(TextReader reader)
    {
        string? line;
        long n = 0;
        while ((line = reader.ReadLine()) is not null) yield return (++n, line);
    }

    /// <summary>The lowest and highest whole number read as Unix seconds in an undeclared third column.</summary>
    public const long MinUnixTime = 100_000_000, MaxUnixTime = 4_200_000_000;

    /// <summary>True when <paramref name="field"/> is a whole number of Unix seconds between 1973 and 2103.</summary>
    public static bool LooksLikeUnixTime(string field) =>
        long.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) && t is >= MinUnixTime and <= MaxUnixTime;

    private static IEnumerable<InteractionEdge> ParseEdgeList(IEnumerable<(long Line, string Text)> lines, string? columns, string source, EdgeListLayout layout)
    {
        string[]? cols = columns?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(NormaliseColumn).ToArray();
        if (cols is not null) { layout.Columns = cols; layout.Source = "--columns"; }
        bool first = true;
        int src = -1, dst = -1, wgt = -1, tim = -1, needed = 0;
        foreach (var (lineNo, line) in lines)
        {
            var t = line.Trim();
            if (t.Length == 0 || t[0] == '#' || t[0] == '%') continue;
            var f = Split(t);
            if (first)
            {
                first = false;
                if (IsHeader(f))
                {
                    if (cols is null) { cols = f.Select(NormaliseColumn).ToArray(); layout.Columns = cols; layout.Source = "header"; }
                    continue;
                }
            }
            if (needed == 0)
            {
                // the first data line: decide the columns when neither --columns nor a header did
                if (cols is null)
                {
                    if (f.Length == 2) { cols = ["src", "dst"]; layout.Source = "two columns"; }
                    else if (f.Length == 3 && LooksLikeUnixTime(f[2])) { cols = ["src", "dst", "time"]; layout.Source = EdgeListLayout.ThirdColumnIsTime; }
                    else
                        throw new Polder.Data.PolderInputException(
                            (f.Length == 3 ? $"3 columns and no header: is '{Clip(f[2])}' a weight or a time?" : $"{f.Length} columns and no header: which is the weight, which the time?")
                            + " Declare the columns with --columns (e.g. src,dst,weight or src,dst,time; other names skip a column) or add a header line",
                            source, lineNo, f.Length >= 3 ? "column 3" : "column 2");
                    layout.Columns = cols;
                }
                src = Array.IndexOf(cols, "src"); dst = Array.IndexOf(cols, "dst");
                wgt = Array.IndexOf(cols, "weight"); tim = Array.IndexOf(cols, "time");
                if (src < 0 || dst < 0)
                    throw new Polder.Data.PolderInputException($"the columns ({string.Join(",", cols)}) have no src or dst", source, lineNo);
                needed = new[] { src, dst, wgt, tim }.Max() + 1;
            }
            if (f.Length < needed)
                throw new Polder.Data.PolderInputException($"expected at least {needed} fields ({string.Join(",", cols!.Take(needed))}), found {f.Length}", source, lineNo);
            double w = 1; long time = 0;
            if (wgt >= 0 && (!double.TryParse(f[wgt], NumberStyles.Float, CultureInfo.InvariantCulture, out w) || !(w >= 0) || double.IsInfinity(w)))
                throw new Polder.Data.PolderInputException($"'{Clip(f[wgt])}' is not a non-negative number", source, lineNo, "weight");
            if (tim >= 0 && !long.TryParse(f[tim], NumberStyles.Integer, CultureInfo.InvariantCulture, out time))
                throw new Polder.Data.PolderInputException($"'{Clip(f[tim])}' is not whole Unix seconds", source, lineNo, "time");
            yield return new InteractionEdge(f[src], f[dst], InteractionKind.Link, time, w);
        }
    }

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static string NormaliseColumn(string name) => name.Trim().Trim('"').ToLowerInvariant() switch
    {
        "source" or "src" or "from" or "u" or "node1" => "src",
        "target" or "dst" or "to" or "v" or "node2" => "dst",
        "weight" or "w" or "value" or "count" => "weight",
        "time" or "timestamp" or "unixtime" or "created" or "t" => "time",
        var other => other,
    };

    private static bool IsHeader(string[] f)
    {
        if (f.Any(x => NormaliseColumn(x) is "src" or "dst" or "weight" or "time")) return true;
        for (int i = 2; i < f.Length; i++)
            if (!double.TryParse(f[i], NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return true;
        return false;
    }

    private static char Separator(string line) => line.Contains('\t') ? '\t' : line.Contains(',') ? ',' : line.Contains(';') ? ';' : ' ';

    private static string[] Split(string line) =>
        line.Split(Separator(line), StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => x.Trim('"')).ToArray();

    /// <summary>Reads an edge-list file (strict UTF-8); see <see cref="ReadEdgeList(TextReader, string?)"/>.</summary>
    public static List<InteractionEdge> ReadEdgeListFile(string path, string? columns = null) => ReadEdgeListFile(path, columns, out _);

    /// <summary>
    /// Reads an edge-list file, decoding UTF-8 strictly (invalid bytes are an error naming the file, line and field, never
    /// replaced), and says which columns it used. A file without any edge is an error too (as a community file without posts).
    /// </summary>
    public static List<InteractionEdge> ReadEdgeListFile(string path, string? columns, out EdgeListLayout layout)
    {
        var name = Path.GetFileName(path);
        layout = new EdgeListLayout();
        var known = layout;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var lines = Polder.Data.Utf8Lines.Read(stream, name, (line, prefix) =>
        {
            // the field of the first bad byte: the fields before it on the line, named by the layout when known
            var cols = known.Columns;
            var raw = prefix.TrimStart();
            int index = raw.Length == 0 ? 0 : Split(raw + "x").Length - 1;
            string field = index < cols.Count ? cols[index] : $"column {index + 1}";
            return new Polder.Data.PolderInputException("invalid UTF-8", name, line, field);
        });
        var edges = ParseEdgeList(lines, columns, name, layout).ToList();
        // as analyze does for a file without posts: an edge list without edges is a mistake, not an empty network
        if (edges.Count == 0)
            throw new Polder.Data.PolderInputException(layout.Source == "header" ? "no edges: the file has a header but no data rows" : "the file is empty: no edges", name, layout.Source == "header" ? 2 : 1);
        return edges;
    }
}
