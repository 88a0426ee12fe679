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
        var states = await Task.WhenAll(record.State.Communities.Select(c => GrainFactory.GetGrain<ICommunityGrain>(c).State()));
        var all = new CommunityStateAdapter();
        foreach (var s in states) all.Merge(CommunityStateAdapter.FromBytes(s));
        return all.Figures(INationalGrain.Key);
    }
}
