using Polder.Analysis;
using Polder.Behaviour.States;
using Polder.Community;
using Polder.Sentiment;

namespace Polder.Service.Grains;

/// <summary>
/// The thin adapter between a grain and the library's mergeable <see cref="CommunityState"/>: add, merge, the compact
/// form, and the state's figures and open conversations in the service's serialisable shapes. The figures are the
/// state's own (same keys and definitions as <c>polder analyze</c>'s key figures). Each added post is also read once by
/// the library's text layer (<see cref="LiveTextState"/>); the sentiment, topic and language figures are that state's
/// counts per window, with the batch text layer's decisions. Not thread-safe (a grain's own).
/// </summary>
internal sealed class CommunityStateAdapter
{
    private const string C = "Community", W = "Webcare", T = "Tekst";
    private readonly CommunityState _state;
    private readonly LiveTextState _text;

    public CommunityStateAdapter() : this(new CommunityState(), new LiveTextState()) { }

    private CommunityStateAdapter(CommunityState state, LiveTextState text) { _state = state; _text = text; }

    /// <summary>Posts held.</summary>
    public long Posts => _state.Posts;

    /// <summary>Adds a post (with what the text layer found in it, when read already); false when its id is held already (the state is idempotent by post id).</summary>
    public bool Add(Post post, Actor author, PostTextReading? reading = null)
    {
        if (!_state.Add(post, author)) return false;
        // once per post: a duplicate is not added again (a reading made before the turn is used as it is)
        if (reading is { } r) _text.Add(post, r); else _text.Add(post, TextAnalyzer.Default);
        return true;
    }

    /// <summary>Merges a disjoint part into this one.</summary>
    public void Merge(CommunityStateAdapter other) { _state.Merge(other._state); _text.Merge(other._text); }

    /// <summary>The state's compact form.</summary>
    public byte[] ToBytes() => _state.ToBytes();

    /// <summary>The text state's compact form.</summary>
    public byte[] TextBytes() => _text.ToBytes();

    /// <summary>A state from its compact forms (empty bytes: an empty state).</summary>
    public static CommunityStateAdapter FromBytes(byte[] bytes, byte[] text) =>
        new(bytes.Length == 0 ? new CommunityState() : CommunityState.FromBytes(bytes), LiveTextState.FromBytes(text));

    /// <summary>The figures now.</summary>
    public Grains.CommunityFigures Figures(string community)
    {
        var f = _state.Figures();
        var list = new List<FigureValue>
        {
            new("posts", "berichten", f.Posts, "", C),
            new("active_actors", "actieve deelnemers", f.ActiveActors, "", C),
            new("threads", "draden (threads)", f.Threads, "", C),
            new("organisations", "organisaties", f.Organisations, "", W),
            new("conversations", "gesprekken", f.Conversations, "", W),
            new("conversations_answered_share", "gesprekken beantwoord", f.ConversationsAnsweredShare, "%", W),
            new("organisation_inbound_answered_share", "berichten aan organisaties direct beantwoord", f.OrganisationInboundAnsweredShare, "%", W),
            new("inbound_answered_share", "gerichte berichten direct beantwoord (alle deelnemers)", f.InboundAnsweredShare, "%", W),
            new("median_first_response_hours", "mediane eerste reactietijd", f.MedianFirstResponseHours, "h", W),
            new("p90_first_response_hours", "90 % van de beantwoorde gesprekken binnen", f.P90FirstResponseHours, "h", W),
            new("open_conversations", "open gesprekken", f.OpenConversations.Count, "", W),
            new("pending_replies", "reacties waarvan het bericht nog ontbreekt", f.UnknownParentReplies, "", C),
        };
        var windows = _text.Windows(_state.Options, TextAnalyzer.Default.Languages.Languages);
        var total = windows.Total();
        double an = total.Analysed;
        double Of(long count) => an == 0 ? double.NaN : count / an;
        list.AddRange([
            new("analysed_posts", "gelezen door de Nederlandse modellen", total.Analysed, "", T),
            new("posts_other_language", "andere taal (overgeslagen)", total.Posts - total.Analysed, "", T),
            new("negative_share", "negatief", Of(total.Sentiment[(int)SentimentLabel.Negative]), "%", T),
            new("positive_share", "positief", Of(total.Sentiment[(int)SentimentLabel.Positive]), "%", T),
            new("topics", "onderwerpen", total.Topics.Count, "", T),
            new("complaint_share", "met meldingscategorie", Of(total.WithComplaint), "%", T),
            new("posts_with_places", "met plaatsnaam", total.WithPlaces, "", T),
        ]);
        return new Grains.CommunityFigures(community, f.Posts, _state.Counts.FirstPost, _state.Counts.LastPost, list,
            Topics(total), Languages(total),
            [.. windows.Windows().Select(w => new TextWindowFigures(w.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                w.Counts.Posts, w.Counts.Analysed, w.Counts.Sentiment[(int)SentimentLabel.Negative], w.Counts.Sentiment[(int)SentimentLabel.Neutral],
                w.Counts.Sentiment[(int)SentimentLabel.Positive], Topics(w.Counts), Languages(w.Counts)))]);
    }

    // largest first, ties by label (the batch text layer's order)
    private static ShareValue[] Ranked(IEnumerable<KeyValuePair<string, long>> counts, long of) =>
        [.. counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new ShareValue(kv.Key, kv.Value, of == 0 ? 0 : (double)kv.Value / of))];

    private static ShareValue[] Topics(TextWindowsState.Counts c) => Ranked(c.Topics, c.Analysed);

    private static ShareValue[] Languages(TextWindowsState.Counts c) => Ranked(c.Languages, c.Posts);

    /// <summary>The alerts of the library's detector over every post held (Auto topics, default settings).</summary>
    public AlertInfo[] Alerts() => [.. _text.Alerts(TextAnalyzer.Default.Languages.Languages).Alerts.Select(AlertInfo.Of)];

    /// <summary>The library's activity forecasts over every post held (the window <c>polder analyze</c> picks).</summary>
    public ForecastInfo Forecasts()
    {
        var (window, length, r) = _text.Forecast(TextAnalyzer.Default.Languages.Languages);
        var last = _state.Counts.LastPost;
        return new ForecastInfo(window.ToString().ToLowerInvariant(), last, last + length,
            [.. r.Series.Select(s => new SeriesForecastInfo(s.Series, s.Forecast, s.Lower, s.Upper, [.. s.History]))],
            double.IsFinite(r.BacktestMae) ? r.BacktestMae : null, r.IntervalMethod, [.. r.Notes]);
    }

    /// <summary>The conversations still waiting for a first answer, oldest first.</summary>
    public OpenConversationInfo[] OpenConversations(int max) =>
        [.. _state.Figures().OpenConversations.Take(max).Select(c => new OpenConversationInfo(c.ThreadId, c.AskerId, c.AskedAt, c.ResponderId))];
}
