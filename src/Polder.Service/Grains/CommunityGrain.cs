using Orleans.Runtime;
using Polder.Service.Hosting;

namespace Polder.Service.Grains;

/// <summary>The grain of one community; see <see cref="ICommunityGrain"/>.</summary>
internal sealed class CommunityGrain(
    [PersistentState("community", SiloSetup.StorageName)] IPersistentState<CommunityRecord> record) : Grain, ICommunityGrain
{
    private CommunityStateAdapter _state = new();
    private bool _registered;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _state = CommunityStateAdapter.FromBytes(record.State.State, record.State.Text);
        _registered = false;
        return Task.CompletedTask;
    }

    public async Task<IngestResult> Ingest(PostMessage[] posts)
    {
        if (!_registered)
        {
            // before the first write: a community with stored posts is always known to the national view
            await GrainFactory.GetGrain<INationalGrain>(INationalGrain.Key).Register(this.GetPrimaryKeyString());
            _registered = true;
        }
        int added = 0;
        foreach (var p in posts) if (_state.Add(p.ToPost(), p.ToAuthor())) added++;
        if (added == 0) return new IngestResult(posts.Length, 0, posts.Length, _state.Posts);
        record.State.State = _state.ToBytes();
        record.State.Text = _state.TextBytes();
        record.State.Posts = _state.Posts;
        try
        {
            await record.WriteStateAsync();
        }
        catch
        {
            // the batch is not stored: drop this activation so the next call starts again from what storage holds
            // (the caller retries; idempotency by post id makes that safe)
            DeactivateOnIdle();
            throw;
        }
        return new IngestResult(posts.Length, added, posts.Length - added, _state.Posts);
    }

    public Task<CommunityFigures> Figures() => Task.FromResult(_state.Figures(this.GetPrimaryKeyString()));

    public Task<AlertInfo[]> Alerts() => Task.FromResult(_state.Alerts());

    public Task<ForecastInfo> Forecasts() => Task.FromResult(_state.Forecasts());

    public Task<OpenConversationInfo[]> OpenConversations(int max) => Task.FromResult(_state.OpenConversations(max));

    public Task<byte[]> State() => Task.FromResult(record.State.State);

    public Task<byte[]> TextState() => Task.FromResult(record.State.Text);

    public Task<string> Host() => Task.FromResult(RuntimeIdentity);
}
