using Orleans.Runtime;
using Polder.Service.Hosting;

namespace Polder.Service.Grains;

/// <summary>The national view; see <see cref="INationalGrain"/>.</summary>
internal sealed class NationalGrain(
    [PersistentState("national", SiloSetup.StorageName)] IPersistentState<NationalRecord> record) : Grain, INationalGrain
{
    public async Task Register(string community)
    {
        var list = record.State.Communities;
        int at = list.BinarySearch(community, StringComparer.Ordinal);
        if (at >= 0) return;
        list.Insert(~at, community);
        await record.WriteStateAsync();
    }

    public Task<string[]> Communities() => Task.FromResult(record.State.Communities.ToArray());

    public async Task<CommunityFigures> Figures()
    {
        // the communities' states are fetched in parallel (each from its own grain, wherever Orleans placed it) and
        // merged here: merging is associative and commutative, so the order does not matter
        var grains = record.State.Communities.Select(c => GrainFactory.GetGrain<ICommunityGrain>(c)).ToList();
        var states = await Task.WhenAll(grains.Select(g => g.State()));
        var texts = await Task.WhenAll(grains.Select(g => g.TextState()));
        var all = new CommunityStateAdapter();
        for (int i = 0; i < states.Length; i++) all.Merge(CommunityStateAdapter.FromBytes(states[i], texts[i]));
        return all.Figures(INationalGrain.Key);
    }
}
