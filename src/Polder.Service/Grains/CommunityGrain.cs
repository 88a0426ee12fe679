using Orleans.Runtime;
using Polder.Service.Hosting;

namespace Polder.Service.Grains;

/// <summary>The grain of one community; see <see cref="ICommunityGrain"/>.</summary>
internal sealed class CommunityGrain(
    [PersistentState("community", SiloSetup.StorageName)] IPersistentState<CommunityRecord> record, GrainWritePolicy policy) : Grain, ICommunityGrain
{
    private CommunityStateAdapter _state = new();
    private bool _registered, _unwritten;

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
        foreach (var p in posts) if (_state.Add(p.ToPost(), p.ToAuthor(), p.Reading)) added++;
        if (added == 0) return new IngestResult(posts.Length, 0, posts.Length, _state.Posts);
        if (!policy.EveryBatch) { _unwritten = true; return new IngestResult(posts.Length, added, posts.Length - added, _state.Posts); }
        try
        {
            await WriteAsync();
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

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // memory storage: the state goes to storage when the activation ends (idle, or moved); not when the silo shuts
        // down, since memory storage ends with it
        if (_unwritten && reason.ReasonCode != DeactivationReasonCode.ShuttingDown) await WriteAsync();
    }

    private async Task WriteAsync()
    {
        record.State.State = _state.ToBytes();
        record.State.Text = _state.TextBytes();
        record.State.Posts = _state.Posts;
        await record.WriteStateAsync();
        _unwritten = false;
    }

    public Task<CommunityFigures> Figures() => Task.FromResult(_state.Figures(this.GetPrimaryKeyString()));

    public Task<AlertInfo[]> Alerts() => Task.FromResult(_state.Alerts());

    public Task<ForecastInfo> Forecasts() => Task.FromResult(_state.Forecasts());

    public Task<OpenConversationInfo[]> OpenConversations(int max) => Task.FromResult(_state.OpenConversations(max));

    public Task<byte[]> State() => Task.FromResult(_unwritten ? _state.ToBytes() : record.State.State);

    public Task<byte[]> TextState() => Task.FromResult(_unwritten ? _state.TextBytes() : record.State.Text);

    public Task<string> Host() => Task.FromResult(RuntimeIdentity);
}
