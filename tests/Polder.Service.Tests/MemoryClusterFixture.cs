using Polder.Community;
using Polder.Service.Tests.Infrastructure;

namespace Polder.Service.Tests;

/// <summary>One 3-silo TestCluster with grain state in memory and the API in front, shared by a test class.</summary>
public sealed class MemoryClusterFixture : IAsyncLifetime
{
    /// <summary>The cluster.</summary>
    public ServiceCluster Service { get; private set; } = null!;

    /// <summary>Every post the cluster holds, by id (what the national view must merge).</summary>
    public Dictionary<string, PostRecord> Posted { get; } = new(StringComparer.Ordinal);

    /// <summary>Posts through the API in batches and records the posts as held; returns the number added.</summary>
    public async Task<long> PostAsync(string community, IReadOnlyList<PostRecord> records, int batch = 500)
    {
        long added = await TestPosts.PostAsync(Service.Http, community, records, batch);
        foreach (var r in records) Posted[r.Post.Id] = r;
        return added;
    }

    /// <inheritdoc/>
    public async Task InitializeAsync() => Service = await ServiceCluster.StartAsync(3);

    /// <inheritdoc/>
    public async Task DisposeAsync() => await Service.DisposeAsync();
}
