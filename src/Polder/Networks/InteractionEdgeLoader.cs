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
    /// Reads an edge list: one edge a line, fields separated by whitespace, comma, semicolon or tab;
    /// columns <c>src dst [weight] [time]</c> unless <paramref name="columns"/> names them otherwise
    /// (e.g. <c>"src,dst,time"</c>); a first line with non-numeric weight/time or known column names is a header;
    /// blank lines and lines starting with '#' or '%' are skipped.
    /// </summary>
    public static IEnumerable<InteractionEdge> ReadEdgeList(TextReader reader, string? columns = null)
    {
        string[]? cols = columns?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.ToLowerInvariant()).ToArray();
        string? line;
        int lineNo = 0;
        bool first = true;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            var t = line.Trim();
            if (t.Length == 0 || t[0] == '#' || t[0] == '%') continue;
            var f = Split(t);
            if (f.Length < 2) throw new InvalidDataException($"line {lineNo}: expected 'src dst [weight] [time]', got '{t}'");
            if (first)
            {
                first = false;
                if (IsHeader(f))
                {
                    cols ??= f.Select(NormaliseColumn).ToArray();
                    continue;
                }
            }
            cols ??= ["src", "dst", "weight", "time"];
            string? s = null, d = null; double w = 1; long time = 0;
            for (int i = 0; i < f.Length && i < cols.Length; i++)
            {
                switch (cols[i])
                {
                    case "src": s = f[i]; break;
                    case "dst": d = f[i]; break;
                    case "weight":
                        if (!double.TryParse(f[i], NumberStyles.Float, CultureInfo.InvariantCulture, out w) || w < 0)
                            throw new InvalidDataException($"line {lineNo}: weight '{f[i]}' is not a non-negative number");
                        break;
                    case "time":
                        if (!long.TryParse(f[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out time))
                            throw new InvalidDataException($"line {lineNo}: time '{f[i]}' is not whole unix seconds");
                        break;
                }
            }
            if (s is null || d is null) throw new InvalidDataException($"line {lineNo}: no source or target column");
            yield return new InteractionEdge(s, d, InteractionKind.Link, time, w);
        }
    }

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

    private static string[] Split(string line)
    {
        char sep = line.Contains('\t') ? '\t' : line.Contains(',') ? ',' : line.Contains(';') ? ';' : ' ';
        return line.Split(sep, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(x => x.Trim('"')).ToArray();
    }

    /// <summary>Reads an edge-list file; see <see cref="ReadEdgeList(TextReader, string?)"/>.</summary>
    public static List<InteractionEdge> ReadEdgeListFile(string path, string? columns = null)
    {
        using var r = new StreamReader(path);
        return ReadEdgeList(r, columns).ToList();
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

    /// <summary>Reads the political-tweets TSV from a file.</summary>
    public static List<InteractionEdge> ReadPoliticalTweetsFile(string path, IDictionary<string, string>? authorGroups = null)
    {
        using var r = new StreamReader(path);
        return ReadPoliticalTweets(r, authorGroups);
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
        using var r = new StreamReader(path);
        return ReadRedditMessages(r);
    }

    private static bool IsActor(string a) => a.Length > 0 && a is not "[deleted]" and not "[removed]";
}
