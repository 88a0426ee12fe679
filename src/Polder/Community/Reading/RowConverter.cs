using System.Globalization;

namespace Polder.Community.Reading;

/// <summary>Turns the mapped values of one row into a post and its author, or says which field is wrong and why.</summary>
internal sealed class RowConverter
{
    private readonly PostMapping _m;
    private readonly string _source;
    /// <summary>Distinct mapped column names; readers fill values in this order.</summary>
    public string[] Columns { get; }
    private readonly int _id, _author, _authorName, _role, _text, _title, _time, _parent, _thread, _kind, _likes, _shares, _channel;
    private readonly (string attr, int slot)[] _attrs;
    private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);

    private readonly Func<string, Actor?>? _known;

    public RowConverter(PostMapping mapping, string source, Func<string, Actor?>? knownActors = null)
    {
        _m = mapping;
        _source = source;
        _known = knownActors;
        if (mapping.Author is null && mapping.Content != ContentStyle.TwitterExport)
            throw new ArgumentException("a mapping needs an author column (or the TwitterExport content style)", nameof(mapping));
        if (mapping.TimeFormat == TimeFormat.LocalPattern && string.IsNullOrEmpty(mapping.TimePattern))
            throw new ArgumentException("TimeFormat.LocalPattern needs a TimePattern", nameof(mapping));
        Columns = mapping.MappedColumns().Distinct(StringComparer.Ordinal).ToArray();
        int Slot(string? c) => c is null ? -1 : Array.IndexOf(Columns, c);
        _id = Slot(mapping.Id); _author = Slot(mapping.Author); _authorName = Slot(mapping.AuthorName); _role = Slot(mapping.Role);
        _text = Slot(mapping.Text); _title = Slot(mapping.Title); _time = Slot(mapping.Time); _parent = Slot(mapping.Parent);
        _thread = Slot(mapping.Thread); _kind = Slot(mapping.Kind); _likes = Slot(mapping.Likes); _shares = Slot(mapping.Shares);
        _channel = Slot(mapping.Channel);
        _attrs = mapping.AttributeColumns.Select(kv => (kv.Key, Slot(kv.Value))).ToArray();
    }

    /// <summary>Interns repeated small strings (author ids, channels, party names) so a big read shares them.</summary>
    private string Intern(string s)
    {
        if (s.Length > 64) return s;
        if (_interned.TryGetValue(s, out var known)) return known;
        if (_interned.Count < 1_000_000) _interned[s] = s;
        return s;
    }

    /// <summary>An actor id as the known actor's id string when there is one (<see cref="ReadOptions.KnownActors"/>), else interned.</summary>
    private string ActorId(string id) => _known?.Invoke(id)?.Id ?? Intern(id);

    private readonly Dictionary<string, string[]> _singles = new(StringComparer.Ordinal);

    /// <summary>
    /// A list of one interned value as the one array all posts with that value share (most posts mention one actor
    /// or carry one hashtag); longer lists as they are. The lists are read-only to every reader of a post.
    /// </summary>
    private IReadOnlyList<string> Shared(string[] values)
    {
        if (values.Length != 1) return values;
        if (_singles.TryGetValue(values[0], out var known)) return known;
        if (_singles.Count < 100_000) _singles[values[0]] = values;
        return values;
    }

    private static string? NonEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    /// <summary>Converts; on failure returns false with the column name (or null) and the reason.</summary>
    public bool TryConvert(string?[] v, long line, out PostRecord record, out string? errorField, out string reason)
    {
        record = default; errorField = null; reason = "";
        string? Get(int slot) => slot < 0 ? null : v[slot];
        bool Fail(int slot, string why, out string? f, out string r) { f = slot < 0 ? null : Columns[slot]; r = why; return false; }

        var text = Get(_text) ?? "";
        string? authorId = NonEmpty(Get(_author));
        string? displayName = NonEmpty(Get(_authorName));
        PostKind? kind = null;
        string? sharedFrom = null;
        string body = text;
        if (_m.Content == ContentStyle.TwitterExport)
        {
            if (!SocialText.TrySplitAuthorPrefix(text, out var name, out var handle, out var b))
                return Fail(_text, "expected the Twitter export form 'Name (@handle): text'", out errorField, out reason);
            authorId ??= handle.ToString();
            displayName ??= name.ToString();
            body = b.ToString();
            if (SocialText.TrySplitRetweet(b, out var src, out _)) { kind = PostKind.Retweet; sharedFrom = src.ToString(); }
        }
        authorId ??= _m.EmptyAuthorId;
        if (authorId is null) return Fail(_author, "empty author", out errorField, out reason);
        if (_m.CaseInsensitiveActorIds) { authorId = authorId.ToLowerInvariant(); sharedFrom = sharedFrom?.ToLowerInvariant(); }
        authorId = ActorId(authorId);
        if (sharedFrom is not null) sharedFrom = ActorId(sharedFrom);

        var timeText = Get(_time);
        if (string.IsNullOrWhiteSpace(timeText)) return Fail(_time, "empty time", out errorField, out reason);
        if (!TryParseTime(timeText, out var time, out var timeError)) return Fail(_time, timeError, out errorField, out reason);

        string id;
        if (_id >= 0)
        {
            var idText = Get(_id);
            if (string.IsNullOrEmpty(idText)) return Fail(_id, "empty id", out errorField, out reason);
            id = idText;
        }
        else id = _source + ":" + line.ToString(CultureInfo.InvariantCulture);

        var parent = NonEmpty(Get(_parent));
        if (parent == id) return Fail(_parent, "a post cannot be its own parent", out errorField, out reason);
        var thread = NonEmpty(Get(_thread));
        if (thread == id) thread = id; // a thread named after its first post shares that post's id

        if (_kind >= 0 && NonEmpty(Get(_kind)) is { } kindText)
        {
            if (!TryParseKind(kindText, out var k)) return Fail(_kind, $"unknown kind '{Clip(kindText)}' (post, reply, retweet, quote)", out errorField, out reason);
            kind = k;
        }
        kind ??= parent is null ? PostKind.Post : PostKind.Reply;

        int likes = 0, shares = 0;
        if (_likes >= 0 && NonEmpty(Get(_likes)) is { } lt && !int.TryParse(lt, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out likes))
            return Fail(_likes, $"not a whole number: '{Clip(lt)}'", out errorField, out reason);
        if (_shares >= 0 && NonEmpty(Get(_shares)) is { } st && !int.TryParse(st, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out shares))
            return Fail(_shares, $"not a whole number: '{Clip(st)}'", out errorField, out reason);

        var role = _m.DefaultRole;
        if (_role >= 0 && NonEmpty(Get(_role)) is { } rt && !TryParseRole(rt, out role))
            return Fail(_role, $"unknown role '{Clip(rt)}'", out errorField, out reason);

        IReadOnlyList<string> mentions = [], hashtags = [];
        if (_m.ExtractMarkers)
        {
            mentions = SocialText.Mentions(body);
            if (_m.CaseInsensitiveActorIds && mentions.Count > 0)
                mentions = Shared(mentions.Select(x => ActorId(x.ToLowerInvariant())).Distinct(StringComparer.Ordinal).ToArray());
            else if (mentions.Count > 0) mentions = Shared(mentions.Select(ActorId).ToArray());
            hashtags = SocialText.Hashtags(body);
            if (hashtags.Count > 0) hashtags = Shared(hashtags.Select(Intern).ToArray());
        }
        var channel = NonEmpty(Get(_channel)) ?? _m.ChannelName;

        var post = new Post
        {
            Id = id,
            AuthorId = authorId,
            Text = _m.KeepText ? body : "",
            Title = _m.KeepText ? NonEmpty(Get(_title)) : null,
            Time = time,
            Channel = channel is null ? null : Intern(channel),
            Kind = kind.Value,
            ParentId = parent,
            ThreadId = thread,
            SharedFromId = sharedFrom,
            Mentions = mentions,
            Hashtags = hashtags,
            Likes = likes,
            Shares = shares,
        };
        var author = AuthorFor(v, authorId, displayName, role);
        record = new PostRecord(post, author, line);
        return true;
    }

    private readonly Dictionary<string, Actor> _lastActor = new(StringComparer.Ordinal);

    /// <summary>The author object of a row: the one of the author's previous row when this row says the same (no allocation).</summary>
    private Actor AuthorFor(string?[] v, string authorId, string? displayName, ActorRole role)
    {
        var known = _known is null ? (_lastActor.TryGetValue(authorId, out var last) ? last : null) : _known(authorId);
        if (known is not null && known.DisplayName == displayName && known.Role == role)
        {
            int present = 0;
            bool same = true;
            foreach (var (attr, slot) in _attrs)
            {
                var value = slot < 0 ? null : NonEmpty(v[slot]);
                if (value is null) continue;
                present++;
                if (known.Attribute(attr) != value) { same = false; break; }
            }
            if (same && present == known.Attributes.Count) return known;
        }
        IReadOnlyDictionary<string, string> attrs = Actor.EmptyAttributes;
        foreach (var (attr, slot) in _attrs)
        {
            if (slot >= 0 && NonEmpty(v[slot]) is { } av)
            {
                if (attrs == Actor.EmptyAttributes) attrs = new Dictionary<string, string>(StringComparer.Ordinal);
                ((Dictionary<string, string>)attrs)[attr] = Intern(av);
            }
        }
        var actor = new Actor { Id = authorId, DisplayName = displayName is null ? null : Intern(displayName), Role = role, Attributes = attrs };
        if (_known is null && _lastActor.Count < 2_000_000) _lastActor[authorId] = actor;   // with known actors: one per row, short-lived
        return actor;
    }

    internal static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private bool TryParseTime(string s, out DateTimeOffset time, out string error)
    {
        error = "";
        time = default;
        var t = s.AsSpan().Trim();
        switch (_m.TimeFormat)
        {
            case TimeFormat.UnixSeconds:
                if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long sec) && sec is > -62135596800L and < 253402300799L)
                { time = DateTimeOffset.FromUnixTimeSeconds(sec); return true; }
                if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double ds) && double.IsFinite(ds) && ds is > -62135596800d and < 253402300799d)
                { time = DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(ds * TimeSpan.TicksPerSecond)); return true; }
                error = $"bad date '{Clip(s)}' (expected Unix seconds)";
                return false;
            case TimeFormat.UnixMilliseconds:
                if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long ms) && ms is > -62135596800000L and < 253402300799000L)
                { time = DateTimeOffset.FromUnixTimeMilliseconds(ms); return true; }
                error = $"bad date '{Clip(s)}' (expected Unix milliseconds)";
                return false;
            case TimeFormat.LocalPattern:
                if (!DateTime.TryParseExact(t, _m.TimePattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                { error = $"bad date '{Clip(s)}' (expected {_m.TimePattern})"; return false; }
                if (!DutchTime.TryFromLocal(local, _m.TimeZone, out time))
                { error = $"local time '{Clip(s)}' does not exist in {_m.TimeZone.Id} (skipped when summer time starts)"; return false; }
                return true;
            default:
                if (TryParseIsoFast(t, out time)) return true;
                if (DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dto))
                {
                    bool hasOffset = t.EndsWith("Z") || t.EndsWith("z") || HasOffset(t);
                    if (hasOffset) { time = dto; return true; }
                    if (DutchTime.TryFromLocal(dto.DateTime, _m.TimeZone, out time)) return true;
                    error = $"local time '{Clip(s)}' does not exist in {_m.TimeZone.Id}";
                    return false;
                }
                error = $"bad date '{Clip(s)}' (expected ISO 8601)";
                return false;
        }
    }

    /// <summary>
    /// Fast path for the common form <c>yyyy-MM-ddTHH:mm:ss[.f…](Z|±HH:mm)</c>; anything else (or an impossible date)
    /// returns false and goes to the general parser.
    /// </summary>
    internal static bool TryParseIsoFast(ReadOnlySpan<char> t, out DateTimeOffset time)
    {
        time = default;
        if (t.Length < 20 || t[4] != '-' || t[7] != '-' || (t[10] != 'T' && t[10] != ' ') || t[13] != ':' || t[16] != ':') return false;
        if (!D(t, 0, 4, out int y) || !D(t, 5, 2, out int mo) || !D(t, 8, 2, out int d) || !D(t, 11, 2, out int h) || !D(t, 14, 2, out int mi) || !D(t, 17, 2, out int sec))
            return false;
        int i = 19;
        long frac = 0;
        if (t[i] == '.')
        {
            i++;
            int digits = 0;
            while (i < t.Length && (uint)(t[i] - '0') <= 9)
            {
                if (digits < 7) { frac = frac * 10 + (t[i] - '0'); digits++; }
                i++;
            }
            if (digits == 0) return false;
            for (; digits < 7; digits++) frac *= 10;
        }
        TimeSpan offset;
        if (i == t.Length - 1 && (t[i] == 'Z' || t[i] == 'z')) offset = TimeSpan.Zero;
        else if (i == t.Length - 6 && (t[i] == '+' || t[i] == '-') && t[i + 3] == ':' && D(t, i + 1, 2, out int oh) && D(t, i + 4, 2, out int om) && oh <= 14 && om < 60)
            offset = new TimeSpan(t[i] == '-' ? -oh : oh, t[i] == '-' ? -om : om, 0);
        else return false;
        if (y < 1 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59) return false;
        try { time = new DateTimeOffset(new DateTime(y, mo, d, h, mi, sec).AddTicks(frac), offset); return true; }
        catch (ArgumentOutOfRangeException) { return false; }

        static bool D(ReadOnlySpan<char> s, int start, int len, out int value)
        {
            value = 0;
            for (int k = start; k < start + len; k++)
            {
                int c = s[k] - '0';
                if ((uint)c > 9) return false;
                value = value * 10 + c;
            }
            return true;
        }
    }

    private static bool HasOffset(ReadOnlySpan<char> t)
    {
        int tPos = t.IndexOfAny('T', ' ');
        if (tPos < 0) return false;
        var rest = t[tPos..];
        return rest.LastIndexOfAny('+', '-') > 0;
    }

    internal static bool TryParseKind(string s, out PostKind kind)
    {
        switch (s.Trim().ToLowerInvariant())
        {
            case "post": case "bericht": kind = PostKind.Post; return true;
            case "reply": case "reactie": kind = PostKind.Reply; return true;
            case "retweet": case "rt": case "share": kind = PostKind.Retweet; return true;
            case "quote": case "citaat": kind = PostKind.Quote; return true;
            default: kind = default; return false;
        }
    }

    internal static bool TryParseRole(string s, out ActorRole role)
    {
        switch (s.Trim().ToLowerInvariant())
        {
            case "citizen": case "burger": role = ActorRole.Citizen; return true;
            case "organisation": case "organization": case "organisatie": role = ActorRole.Organisation; return true;
            case "business": case "bedrijf": role = ActorRole.Business; return true;
            case "politician": case "politicus": role = ActorRole.Politician; return true;
            case "media": role = ActorRole.Media; return true;
            case "unknown": case "onbekend": role = ActorRole.Unknown; return true;
            default: role = default; return false;
        }
    }

    internal static string KindName(PostKind k) => k switch
    {
        PostKind.Reply => "reply", PostKind.Retweet => "retweet", PostKind.Quote => "quote", _ => "post",
    };

    internal static string RoleName(ActorRole r) => r switch
    {
        ActorRole.Citizen => "citizen", ActorRole.Organisation => "organisation", ActorRole.Business => "business",
        ActorRole.Politician => "politician", ActorRole.Media => "media", _ => "unknown",
    };
}
