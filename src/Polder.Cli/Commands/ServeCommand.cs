using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Polder.Community.Reading;
using Polder.Service.Hosting;
using Polder.Service.Ingestion;

namespace Polder.Cli.Commands;

/// <summary>
/// <c>polder serve</c>: runs one Orleans silo with the HTTP API. Without options it needs nothing else (localhost
/// clustering, grain state in memory, http://127.0.0.1:5080); <c>--postgres</c> with <c>--storage postgres</c> and
/// <c>--clustering postgres</c> (or the POLDER_* environment variables) makes silos on several machines one cluster
/// with durable state. <c>--ingest ID=FILE</c> loads files at start; <c>--for SECONDS</c> stops after a while.
/// </summary>
public sealed class ServeCommand : ICliCommand
{
    /// <inheritdoc/>
    public string Name => "serve";

    /// <inheritdoc/>
    public string Summary => "run the live monitoring service (an Orleans silo with the HTTP API)";

    /// <inheritdoc/>
    public int Run(CliContext context)
    {
        var a = context.Args;
        if (a.Positional.Count > 0) throw new CliUsageException($"unexpected argument '{a.Positional[0]}'");
        ServiceOptions options;
        try
        {
            var o = ServiceOptions.FromEnvironment();
            var pg = a.Option("postgres", o.PostgresConnection);
            options = o with
            {
                PostgresConnection = pg,
                Storage = a.Option("storage", o.Storage)!,
                Clustering = a.Option("clustering", o.Clustering)!,
                HttpAddress = a.Option("address", o.HttpAddress)!,
                HttpPort = a.Int("port", o.HttpPort),
                SiloPort = a.Int("silo-port", o.SiloPort),
                GatewayPort = a.Int("gateway-port", o.GatewayPort),
                PrimarySiloPort = a.Option("primary-silo-port") is null ? o.PrimarySiloPort : a.Int("primary-silo-port", 0),
                AdvertisedAddress = a.Option("advertise", o.AdvertisedAddress)!,
                ClusterId = a.Option("cluster-id", o.ClusterId)!,
            };
            options.Validate();
        }
        catch (ArgumentException e) { throw new CliUsageException(e.Message); }
        var ingest = Ingests(a.Option("ingest"));
        var format = a.Option("format") is { } f ? CommunityFormats.ByName(f) ?? throw new CliUsageException($"--format: unknown format '{f}'") : null;
        double? seconds = a.Option("for") is { } s
            ? double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d > 0 ? d : throw new CliUsageException($"--for: '{s}' is not a positive number of seconds")
            : null;
        foreach (var (_, file) in ingest) if (!File.Exists(file)) throw new FileNotFoundException(file, file);
        return RunAsync(options, ingest, format, seconds, context).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(ServiceOptions options, List<(string Community, string File)> ingest, PostMapping? format, double? seconds, CliContext context)
    {
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            await using var app = await PolderServiceHost.BuildAsync(options);
            await app.StartAsync(stop.Token);
            var address = PolderServiceHost.Address(app);
            context.Out.WriteLine($"polder serve: silo {options.SiloPort} ({options.Clustering} clustering, {options.Storage} storage), API on {address}");
            context.Out.WriteLine($"  post:    curl --data-binary @posts.jsonl {address}communities/ID/posts");
            context.Out.WriteLine($"  figures: curl {address}communities/ID/figures   live page: {address}communities/ID");
            context.Out.Flush();
            var grains = app.Services.GetRequiredService<IGrainFactory>();
            foreach (var (community, file) in ingest)
            {
                var r = await FileIngestor.IngestAsync(grains, community, file, format, stop.Token);
                context.Out.WriteLine($"  {file} -> {community}: {r.Added:N0} posts added, {r.Duplicates:N0} already there, {r.TotalPosts:N0} in all");
                context.Out.Flush();
            }
            try { await Task.Delay(seconds is { } sec ? TimeSpan.FromSeconds(sec) : Timeout.InfiniteTimeSpan, stop.Token); }
            catch (OperationCanceledException) { }
            await app.StopAsync(CancellationToken.None);
            return 0;
        }
        catch (CommunityReadException e) { throw new InvalidDataException(e.Message, e); }
        finally { Console.CancelKeyPress -= onCancel; }
    }

    private static List<(string, string)> Ingests(string? value)
    {
        var list = new List<(string, string)>();
        if (value is null) return list;
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0 || eq == part.Length - 1) throw new CliUsageException($"--ingest: '{part}' is not ID=FILE");
            var id = part[..eq];
            if (!Polder.Service.Api.CommunityId.IsValid(id)) throw new CliUsageException($"--ingest: '{id}' is not a valid community id (letters, digits, '-', '_', '.')");
            list.Add((id, part[(eq + 1)..]));
        }
        return list;
    }
}
