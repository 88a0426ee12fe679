using Orleans.Runtime;
using Polder.Service.Hosting;

namespace Polder.Service.Grains;

/// <summary>The grain of one community; see <see cref="ICommunityGrain"/>.</summary>
internal sealed class CommunityGrain(
    [PersistentState("community", SiloSetup.StorageName)] IPersistentState<CommunityRecord> record) : Grain, ICommunityGrain
{
    private CommunityStateAdapter _state = new();
    private PostIdSet _ids = new();
    private bool _registered;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _state = CommunityStateAdapter.FromBytes(record.State.State);
        _ids = PostIdSet.Load(record.State.PostIds);
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
        var added = new List<PostMessage>(posts.Length);
        foreach (var p in posts) if (_ids.Add(p.Id)) added.Add(p);
        if (added.Count == 0) return new IngestResult(posts.Length, 0, posts.Length, _ids.Count);
        foreach (var p in added) _state.Add(p.ToPost(), p.ToAuthor());
        record.State.State = _state.ToBytes();
        record.State.PostIds = _ids.ToArray();
        record.State.PostCount = _ids.Count;
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
        return new IngestResult(posts.Length, added.Count, posts.Length - added.Count, _ids.Count);
    }

    public Task<CommunityFigures> Figures() => Task.FromResult(_state.Figures(this.GetPrimaryKeyString()));

    public Task<OpenConversationInfo[]> OpenConversations(int max) => Task.FromResult(_state.OpenConversations(max));

    public Task<byte[]> State() => Task.FromResult(record.State.State);

    public Task<string> Host() => Task.FromResult(RuntimeIdentity);
}
