using System.Globalization;
using System.Text.RegularExpressions;

namespace Polder.Networks;

/// <summary>
/// Reads interactions from files: plain edge lists (<c>src dst [weight] [time]</c>), the political-tweets TSV
/// (AUTEUR, DATUM, PARTIJ, CONTENT = "Name (@handle): text") and reddit-style message CSVs
/// (message_id, thread_id, parent_id, author, created, …). Until posts and actors come from the community
/// layer, these loaders are how files become <see cref="InteractionEdge"/>s.
/// </summary>
public static partial class InteractionEdgeLoader
{
    [GeneratedRegex(@"^.*?\(@(?<h>[A-Za-z0-9_]+)\):\s?", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorPrefix();

    [GeneratedRegex(@"^RT @(?<h>[A-Za-z0-9_]+):?", RegexOptions.CultureInvariant)]
    private static partial Regex RetweetPrefix();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])@(?<h>[A-Za-z0-9_]{1,15})(?![A-Za-z0-9_])", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();

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

    /// <summary>
    /// Reads the political-tweets TSV (AUTEUR, DATUM dd-MM-yyyy HH:mm:ss, PARTIJ, CONTENT "Name (@handle): text").
    /// A tweet starting "RT @x" gives only a Retweet edge author→x (mentions inside the retweeted text are the
    /// original author's); every @handle in an own tweet gives a Mention edge.
    /// Handles are lower-cased (Twitter handles are case-insensitive). <paramref name="authorGroups"/> receives
    /// every author handle → PARTIJ, with "" for an unknown party (<see cref="UnknownParty"/>, 40 of the 162 authors of
    /// the April 2020 file); an author listed under a party in any row gets that party.
    /// The TSV has no quoting (tweets hold bare quotes); a record whose field count differs from the first's is an error.
    /// </summary>
    public static List<InteractionEdge> ReadPoliticalTweets(TextReader reader, IDictionary<string, string>? authorGroups = null)
    {
        var edges = new List<InteractionEdge>();
        bool header = true;
        foreach (var rec in Polder.Data.CsvReader.ReadRecords(reader, '\t', quote: null))
        {
            if (header) { header = false; if (rec.Length > 0 && rec[0] == "AUTEUR") continue; }
            if (rec.Length < 4) continue;
            var content = rec[3];
            var am = AuthorPrefix().Match(content);
            if (!am.Success) continue;
            var author = am.Groups["h"].Value.ToLowerInvariant();
            if (authorGroups is not null)
            {
                // PARTIJ "onbekend" (unknown) is a missing label, not a party: it becomes "" and a known party seen later wins
                var party = IsUnknownParty(rec[2]) ? "" : rec[2];
                if (!authorGroups.TryGetValue(author, out var had) || (had.Length == 0 && party.Length > 0)) authorGroups[author] = party;
            }
            long time = DateTime.TryParseExact(rec[1], "dd-MM-yyyy HH:mm:ss", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dt)
                ? new DateTimeOffset(dt, TimeSpan.Zero).ToUnixTimeSeconds() : 0;
            var text = content[am.Length..];
            var rt = RetweetPrefix().Match(text);
            if (rt.Success)
            {
                edges.Add(new InteractionEdge(author, rt.Groups["h"].Value.ToLowerInvariant(), InteractionKind.Retweet, time));
                continue; // mentions inside retweeted text are the original author's, not the retweeter's
            }
            foreach (Match m in MentionPattern().Matches(text))
                edges.Add(new InteractionEdge(author, m.Groups["h"].Value.ToLowerInvariant(), InteractionKind.Mention, time));
        }
        return edges;
    }

    /// <summary>The PARTIJ value of the political-tweets TSV that means "party unknown".</summary>
    public const string UnknownParty = "onbekend";

    private static bool IsUnknownParty(string party) =>
        party.Trim().Length == 0 || party.Trim().Equals(UnknownParty, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"(?<![A-Za-z0-9_&])#(?<h>[\p{L}\p{N}_]+)", RegexOptions.CultureInvariant)]
    private static partial Regex HashtagPattern();

    /// <summary>
    /// Author handle → hashtag pairs (lower-cased) from the political-tweets TSV, one per use, for actor–hashtag
    /// bipartite graphs (<see cref="BipartiteProjection"/>). Hashtags of retweeted text count for the retweeter.
    /// </summary>
    public static List<(string Actor, string Item)> ReadPoliticalTweetHashtags(TextReader reader)
    {
        var pairs = new List<(string, string)>();
        bool header = true;
        foreach (var rec in Polder.Data.CsvReader.ReadRecords(reader, '\t', quote: null))
        {
            if (header) { header = false; if (rec.Length > 0 && rec[0] == "AUTEUR") continue; }
            if (rec.Length < 4) continue;
            var am = AuthorPrefix().Match(rec[3]);
            if (!am.Success) continue;
            var author = am.Groups["h"].Value.ToLowerInvariant();
            foreach (Match m in HashtagPattern().Matches(rec[3][am.Length..]))
                pairs.Add((author, m.Groups["h"].Value.ToLowerInvariant()));
        }
        return pairs;
    }

    /// <summary>
    /// Reads the political-tweets TSV from a file, decoding UTF-8 strictly: invalid bytes are an error naming the file, line
    /// and column (AUTEUR, DATUM, PARTIJ, CONTENT), never replaced.
    /// </summary>
    public static List<InteractionEdge> ReadPoliticalTweetsFile(string path, IDictionary<string, string>? authorGroups = null)
    {
        using var r = OpenStrictTsv(path);
        return ReadPoliticalTweets(r, authorGroups);
    }

    private static readonly string[] TweetColumns = ["AUTEUR", "DATUM", "PARTIJ", "CONTENT"];

    /// <summary>A strict UTF-8 reader over an unquoted TSV whose errors name the column by counting tabs.</summary>
    private static TextReader OpenStrictTsv(string path)
    {
        var name = Path.GetFileName(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return new Polder.Data.Utf8Lines.Reader(Disposing(Polder.Data.Utf8Lines.Read(stream, name, (line, prefix) =>
        {
            int index = prefix.Count(c => c == '\t');
            return new Polder.Data.PolderInputException("invalid UTF-8", name, line, index < TweetColumns.Length ? TweetColumns[index] : $"column {index + 1}");
        }), stream));
    }

    private static IEnumerable<T> Disposing<T>(IEnumerable<T> items, IDisposable owner)
    {
        using (owner)
            foreach (var x in items) yield return x;
    }

    /// <summary>
    /// Reads a reddit-style message CSV with a header holding message_id, parent_id, author and created:
    /// each message whose parent is known gives a Reply edge author → parent's author at the message's time.
    /// Messages by "[deleted]"/"[removed]" authors (or with an empty author) are skipped.
    /// </summary>
    public static List<InteractionEdge> ReadRedditMessages(TextReader reader)
    {
        var rows = ReadThreadMessages(reader);
        var authorOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in rows) authorOf.TryAdd(r.Id, r.Author);
        var edges = new List<InteractionEdge>();
        foreach (var r in rows)
        {
            if (string.IsNullOrEmpty(r.ParentId) || !IsActor(r.Author)) continue;
            if (!authorOf.TryGetValue(r.ParentId, out var pa) || !IsActor(pa)) continue;
            edges.Add(new InteractionEdge(r.Author, pa, InteractionKind.Reply, r.Time));
        }
        return edges;
    }

    /// <summary>Reads the messages of a reddit-style CSV (message_id, parent_id, author, created) as reply-tree messages.</summary>
    public static List<ThreadMessage> ReadThreadMessages(TextReader reader)
    {
        using var e = Polder.Data.CsvReader.ReadRecords(reader, ',').GetEnumerator();
        if (!e.MoveNext()) return [];
        var h = e.Current.Select(x => x.Trim().ToLowerInvariant()).ToList();
        int iId = h.IndexOf("message_id"), iParent = h.IndexOf("parent_id"), iAuthor = h.IndexOf("author"), iTime = h.IndexOf("created");
        if (iId < 0 || iParent < 0 || iAuthor < 0) throw new InvalidDataException("reddit CSV needs message_id, parent_id and author columns");
        var rows = new List<ThreadMessage>();
        while (e.MoveNext())
        {
            var r = e.Current; // as many fields as the header: the reader rejects any other count
            long t = iTime >= 0 && long.TryParse(r[iTime], NumberStyles.Integer, CultureInfo.InvariantCulture, out var tt) ? tt : 0;
            rows.Add(new ThreadMessage(r[iId], r[iParent], r[iAuthor], t));
        }
        return rows;
    }

    /// <summary>Reads a reddit-style message CSV from a file.</summary>
    public static List<InteractionEdge> ReadRedditMessagesFile(string path)
    {
        // strict UTF-8: a bad byte is an error naming the file and line (the quoted CSV may span lines, so no field here;
        // polder network reads reddit files through the community reader, which names the field)
        var name = Path.GetFileName(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var r = new Polder.Data.Utf8Lines.Reader(Disposing(Polder.Data.Utf8Lines.Read(stream, name,
            (line, _) => new Polder.Data.PolderInputException("invalid UTF-8", name, line)), stream));
        return ReadRedditMessages(r);
    }

    private static bool IsActor(string a) => !PostInteractions.IsUnknownAuthor(a);
}
