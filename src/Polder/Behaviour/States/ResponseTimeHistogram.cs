namespace Polder.Behaviour.States;

/// <summary>
/// A mergeable distribution of waits (hours) with a guaranteed relative error: a log-bucketed histogram in the manner
/// of DDSketch (Masson, Rim and Lee, VLDB 2019). A wait x &gt; 0 falls in bucket ⌈log_γ x⌉ with γ = (1 + α)/(1 − α),
/// α = <see cref="RelativeError"/> = 1 %, and a bucket is read back as 2γ^i/(γ + 1); so every order statistic, and every
/// quantile interpolated between two of them (Hyndman–Fan type 7, as <see cref="Statistics.Quantile"/>), is within 1 %
/// of the exact value. Waits of 0 (or below 1e-9 h) are counted apart and read back as 0. Merging adds the bucket counts,
/// so it is exact, associative and commutative. Not thread-safe.
/// </summary>
public sealed class ResponseTimeHistogram
{
    /// <summary>The relative error α of every quantile: |estimate − exact| ≤ α · exact.</summary>
    public const double RelativeError = 0.01;

    private const double MinWait = 1e-9;
    private static readonly double Gamma = (1 + RelativeError) / (1 - RelativeError);
    private static readonly double LogGamma = Math.Log(Gamma);
    private readonly SortedDictionary<int, long> _buckets = [];

    /// <summary>Waits counted.</summary>
    public long Count { get; private set; }

    /// <summary>Waits of (about) zero.</summary>
    public long ZeroCount { get; private set; }

    /// <summary>Counts a wait of <paramref name="hours"/> (negative and NaN waits are refused).</summary>
    public void Add(double hours)
    {
        if (!(hours >= 0)) throw new ArgumentOutOfRangeException(nameof(hours), hours, "a wait is zero or positive");
        Count++;
        if (hours < MinWait) { ZeroCount++; return; }
        int i = (int)Math.Ceiling(Math.Log(hours) / LogGamma);
        _buckets[i] = _buckets.GetValueOrDefault(i) + 1;
    }

    /// <summary>Adds every wait of <paramref name="other"/> to this histogram.</summary>
    public void Merge(ResponseTimeHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Count += other.Count; ZeroCount += other.ZeroCount;
        foreach (var (i, n) in other._buckets) _buckets[i] = _buckets.GetValueOrDefault(i) + n;
    }

    /// <summary>The q-quantile (type 7), within <see cref="RelativeError"/> of the exact one; NaN when empty.</summary>
    public double Quantile(double q)
    {
        if (Count == 0) return double.NaN;
        double h = (Count - 1) * Math.Clamp(q, 0, 1);
        long lo = (long)Math.Floor(h);
        double a = OrderStatistic(lo);
        if (lo >= Count - 1) return a;
        return a + (h - lo) * (OrderStatistic(lo + 1) - a);
    }

    /// <summary>The estimate of the k-th smallest wait (0-based).</summary>
    private double OrderStatistic(long k)
    {
        if (k < ZeroCount) return 0;
        long seen = ZeroCount;
        foreach (var (i, n) in _buckets)
        {
            seen += n;
            if (k < seen) return 2 * Math.Pow(Gamma, i) / (Gamma + 1);
        }
        throw new InvalidOperationException("rank beyond the count");
    }

    internal void Write(BinaryWriter w)
    {
        w.Write(Count); w.Write(ZeroCount); w.Write(_buckets.Count);
        foreach (var (i, n) in _buckets) { w.Write(i); w.Write(n); }
    }

    internal static ResponseTimeHistogram Read(BinaryReader r)
    {
        var h = new ResponseTimeHistogram { Count = r.ReadInt64(), ZeroCount = r.ReadInt64() };
        int k = StateFormat.ReadCount(r, 100_000, "histogram buckets");
        long sum = h.ZeroCount;
        for (int j = 0; j < k; j++)
        {
            int i = r.ReadInt32(); long n = r.ReadInt64();
            if (n <= 0) throw new InvalidDataException("a histogram bucket has no count");
            h._buckets[i] = n; sum += n;
        }
        if (sum != h.Count) throw new InvalidDataException("the histogram's buckets do not add up to its count");
        return h;
    }
}
