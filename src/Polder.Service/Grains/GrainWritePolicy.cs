namespace Polder.Service.Grains;

/// <summary>
/// When a community grain writes its state to grain storage: after every batch, before the batch is acknowledged
/// (durable storage: an acknowledged post is never lost), or only when the activation ends (memory storage, which
/// does not outlive the process anyway: rewriting the whole state after every batch would cost more than the batch).
/// Immutable; one per silo (<see cref="Hosting.SiloSetup"/>).
/// </summary>
/// <param name="EveryBatch">True: write after every batch; false: write when the grain deactivates.</param>
public sealed record GrainWritePolicy(bool EveryBatch);
