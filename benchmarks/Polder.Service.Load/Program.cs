// The service's load benchmark: n silos (in this process, loopback) with the HTTP API, and clients posting batches of
// new posts (JSON lines, 1,000 per request by default) round-robin over the silos' APIs and over the communities, for a
// fixed time. Prints posts/s acknowledged and the p50/p99/max latency per request. Bounded: --seconds (default 60)
// after a --warmup (default 5 s); loopback only.
//
//   dotnet run --project benchmarks/Polder.Service.Load -c Release -- --silos 1 --storage memory --seconds 60
//   dotnet run --project benchmarks/Polder.Service.Load -c Release -- --silos 3 --storage postgres \
//       --postgres "Host=127.0.0.1;Username=postgres;Password=postgres;Database=polder_bench"
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Polder.Community;
using Polder.Community.Simulation;
using Polder.Service.Api;
using Polder.Service.Hosting;

var opt = Args.Parse(args);
int silos = opt.Int("silos", 1), seconds = opt.Int("seconds", 60), warmup = opt.Int("warmup", 5), batch = opt.Int("batch", 1000);
int communities = opt.Int("communities", 16), clients = opt.Int("clients", 4);
string storage = opt.Str("storage", "memory");
string? pg = opt.Str("postgres", null!);

// the posts: one simulated municipality (seeded), its ids prefixed per round so that every request brings new posts
var (baseRecords, _) = CommunitySimulator.Run(new SimulationOptions { Seed = 7, Days = 120 });
Console.WriteLine($"base community: {baseRecords.Count:N0} posts; {silos} silo(s), storage {storage}, {communities} communities, {clients} clients, batches of {batch}, {warmup} s warm-up + {seconds} s");

// each base post as one JSON line with a placeholder prefix on its ids, written once: a request's body is then those
// lines with the round's prefix, so that the clients (in this process) spend little of the CPU being measured
const string Placeholder = "~~round~~/";
var lines = baseRecords.Select(x => System.Text.Encoding.UTF8.GetString(PostJsonLines.ToBytes([x with
{
    Post = x.Post with
    {
        Id = Placeholder + x.Post.Id,
        ThreadId = x.Post.ThreadId is { } t ? Placeholder + t : null,
        ParentId = x.Post.ParentId is { } p ? Placeholder + p : null,
    },
}]))).ToArray();
long round = -1;
byte[] NextBody(out int count)
{
    long r = Interlocked.Increment(ref round);
    int start = (int)(r * batch % baseRecords.Count);
    string prefix = $"r{r * batch / baseRecords.Count}/";
    var sb = new System.Text.StringBuilder(batch * 400);
    for (int k = 0; k < batch; k++) sb.Append(lines[(start + k) % lines.Length].Replace(Placeholder, prefix, StringComparison.Ordinal));
    count = batch;
    return System.Text.Encoding.UTF8.GetBytes(sb.ToString());
}

if (opt.Str("profile", "") == "text")
{
    // CPU per post of each step of an ingest, single-threaded, for profiling
    var a = Polder.Analysis.TextAnalyzer.Default;
    var docs = baseRecords.Select(r => Polder.Text.TextDocument.Create(r.Post.TitleAndText)).ToArray();
    void Time(string name, Action<int> step)
    {
        for (int i = 0; i < docs.Length; i++) step(i);
        var t = Stopwatch.StartNew();
        for (int k = 0; k < 3; k++) for (int i = 0; i < docs.Length; i++) step(i);
        Console.WriteLine($"{name}: {t.Elapsed.TotalMicroseconds / (3.0 * docs.Length):F1} us/post");
    }
    Time("document", i => Polder.Text.TextDocument.Create(baseRecords[i].Post.TitleAndText));
    Time("language", i => a.Languages.Identify(docs[i]));
    Time("sentiment", i => a.Sentiment.LabelOf(a.Sentiment.Score(docs[i])));
    Time("topic", i => a.Topics.Predict(docs[i], 1));
    Time("complaint", i => a.Complaints.Classify(docs[i]));
    Time("places", i => a.Places.Find(docs[i]));
    var body = PostJsonLines.ToBytes(baseRecords.Take(1000).ToList());
    Time("write json, template (per 1000 → per post)", i => { if (i % 1000 == 0) NextBody(out _); });
    Time("read json", i => { if (i % 1000 == 0) PostBatch.Read(new MemoryStream(body), "b", 100_000); });
    return 0;
}

var hosts = new List<WebApplication>();
int primaryPort = FreePort();
string clusterId = "bench-" + Guid.NewGuid().ToString("N")[..8];
for (int i = 0; i < silos; i++)
{
    var o = new ServiceOptions
    {
        HttpPort = 0, SiloPort = i == 0 ? primaryPort : FreePort(), GatewayPort = FreePort(), PrimarySiloPort = primaryPort,
        Storage = storage, Clustering = storage == "postgres" ? "postgres" : "localhost", PostgresConnection = pg,
        ClusterId = clusterId, ServiceId = clusterId, MaxRequestBytes = 64L << 20,
    };
    var app = await PolderServiceHost.BuildAsync(o);
    await app.StartAsync();
    hosts.Add(app);
}
var endpoints = hosts.Select(PolderServiceHost.Address).ToArray();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(60) };

var latencies = new List<double>();
long acknowledged = 0, failed = 0, requests = 0;
var clock = Stopwatch.StartNew();
var measureFrom = TimeSpan.FromSeconds(warmup);
var end = measureFrom + TimeSpan.FromSeconds(seconds);
var cpuAtStart = TimeSpan.Zero;
long ackAtStart = 0;
bool started = false;
var gate = new object();

async Task Client(int c)
{
    long n = c;
    while (clock.Elapsed < end)
    {
        var body = NextBody(out int count);
        var community = $"org-{n % communities}";
        var url = new Uri(endpoints[n % endpoints.Length], $"communities/{community}/posts");
        n += clients;
        var t0 = clock.Elapsed;
        using var content = new ByteArrayContent(body);
        using var response = await http.PostAsync(url, content);
        await response.Content.ReadAsByteArrayAsync();
        var t1 = clock.Elapsed;
        lock (gate)
        {
            if (!started && t0 >= measureFrom)
            {
                started = true; cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime; ackAtStart = acknowledged;
            }
            if (response.IsSuccessStatusCode) acknowledged += count; else failed++;
            if (t0 >= measureFrom && t1 <= end) { latencies.Add((t1 - t0).TotalMilliseconds); requests++; }
        }
    }
}

await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => Client(c))));
var elapsed = clock.Elapsed - measureFrom;
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
long measured = acknowledged - ackAtStart;
latencies.Sort();
double P(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT silos={silos} storage={storage} posts/s={measured / elapsed.TotalSeconds:F0} requests={requests} p50_ms={P(0.5):F1} p99_ms={P(0.99):F1} max_ms={P(1):F1} failed={failed} posts={measured} seconds={elapsed.TotalSeconds:F1} cpu_s={cpu.TotalSeconds:F1} load1={File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
foreach (var h in hosts) await h.StopAsync();
return 0;

static int FreePort()
{
    using var l = new TcpListener(IPAddress.Loopback, 0);
    l.Start();
    return ((IPEndPoint)l.LocalEndpoint).Port;
}

/// <summary>"--name value" pairs.</summary>
internal sealed class Args(Dictionary<string, string> values)
{
    public static Args Parse(string[] a)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < a.Length; i += 2)
            d[a[i].TrimStart('-')] = a[i + 1];
        return new Args(d);
    }

    public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public string Str(string name, string fallback) => values.TryGetValue(name, out var v) ? v : fallback;
}
