namespace Polder.Service.Grains;

/// <summary>
/// One community (an organisation or a municipality, by id): holds its mergeable state, persisted by Orleans grain
/// storage. Orleans places the grain on one silo of the cluster and re-activates it elsewhere from storage when that
/// silo fails.
/// </summary>
public interface ICommunityGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds the posts whose id the community does not have yet (idempotent by post id) and, with durable storage, persists
    /// the state before it returns; a batch is added wholly or, when persisting fails, not at all (see <see cref="GrainWritePolicy"/>).
    /// </summary>
    Task<IngestResult> Ingest(PostMessage[] posts);

    /// <summary>The community's live figures.</summary>
    Task<CommunityFigures> Figures();

    /// <summary>The alerts of the library's detector over every post held (as <c>polder alerts</c> finds them in the same posts).</summary>
    Task<AlertInfo[]> Alerts();

    /// <summary>The library's activity forecasts over every post held (as <c>polder analyze</c> makes them from the same posts).</summary>
    Task<ForecastInfo> Forecasts();

    /// <summary>The conversations waiting for a first answer, oldest first, at most <paramref name="max"/>.</summary>
    Task<OpenConversationInfo[]> OpenConversations(int max);

    /// <summary>The state's compact form (for the national view's merge).</summary>
    Task<byte[]> State();

    /// <summary>The text layer's per-post findings in compact form (for the national view's merge).</summary>
    Task<byte[]> TextState();

    /// <summary>The silo this activation runs on (Orleans' placement decides; for operators and tests).</summary>
    Task<string> Host();
}
