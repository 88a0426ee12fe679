namespace Polder.Prediction.Reaction;

/// <summary>A prediction interval for a share (both ends in [0, 1]).</summary>
/// <param name="Lower">Lower end.</param>
/// <param name="Upper">Upper end.</param>
/// <param name="Probability">The forecast's probability that the share falls inside: the coverage asked for, or more when
/// only a few readers make the attainable shares coarse.</param>
public readonly record struct ShareInterval(double Lower, double Upper, double Probability)
{
    /// <summary>True when <paramref name="share"/> lies inside the interval (ends included).</summary>
    public bool Contains(double share) => share >= Lower - 1e-12 && share <= Upper + 1e-12;

    /// <summary>
    /// The shortest interval of attainable shares <c>k/n</c> of <paramref name="n"/> readers that holds at least
    /// <paramref name="coverage"/> of the probability, when their probability of a judgment is <paramref name="mean"/> on
    /// average and varies from text to text beyond what the model knows: a beta-binomial with intra-class correlation
    /// <paramref name="overdispersion"/> (0 = binomial).
    /// </summary>
    /// <param name="mean">Expected share, in [0, 1].</param>
    /// <param name="overdispersion">Correlation ρ between two readers' judgments of the same text, in [0, 1).</param>
    /// <param name="n">Readers (1 to 1,000,000).</param>
    /// <param name="coverage">Least mass inside, in (0, 1).</param>
    public static ShareInterval ForReaders(double mean, double overdispersion, int n, double coverage = 0.8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 1_000_000);
        Check(mean, overdispersion, coverage);
        if (mean <= 0) return new(0, 0, 1);
        if (mean >= 1) return new(1, 1, 1);
        // The pmf by the ratio of successive terms (no log-gamma needed), in log space, normalised by its maximum.
        double lr = Math.Log(mean) - Math.Log(1 - mean), s = overdispersion > 0 ? 1 / overdispersion - 1 : 0;
        double a = mean * s, b = (1 - mean) * s;
        double[]? rented = n + 1 > 1024 ? System.Buffers.ArrayPool<double>.Shared.Rent(n + 1) : null;
        Span<double> pmf = rented is null ? stackalloc double[n + 1] : rented.AsSpan(0, n + 1);
        double l = 0, max = 0;
        pmf[0] = 0;
        for (int k = 0; k < n; k++)
        {
            l += Math.Log((double)(n - k) / (k + 1)) + (overdispersion > 0 ? Math.Log((k + a) / (n - k - 1 + b)) : lr);
            pmf[k + 1] = l;
            max = Math.Max(max, l);
        }
        double total = 0;
        for (int k = 0; k <= n; k++) total += pmf[k] = Math.Exp(pmf[k] - max);
        // The shortest run of attainable shares holding the coverage (the most probable on a tie): with a few readers the
        // central quantiles would cover far more than asked (for 5 readers at p = 0.3 the 10%..90% run holds 97%).
        double need = coverage * total * (1 - 1e-12), mass = 0, bestMass = -1;
        int lower = 0, upper = n, hi = -1;
        for (int lo = 0; lo <= n; lo++)
        {
            while (mass < need && hi < n) mass += pmf[++hi];
            if (mass < need) break;
            if (hi - lo < upper - lower || (hi - lo == upper - lower && mass > bestMass)) { lower = lo; upper = hi; bestMass = mass; }
            mass -= pmf[lo];
        }
        if (rented is not null) System.Buffers.ArrayPool<double>.Shared.Return(rented);
        return new((double)lower / n, (double)upper / n, Math.Min(1, bestMass / total));
    }

    /// <summary>
    /// The central interval of the share of a whole (large) group: the Beta distribution with mean <paramref name="mean"/>
    /// and intra-class correlation <paramref name="overdispersion"/>, the limit of <see cref="ForReaders"/> as the group
    /// grows. With no overdispersion the share of a large group is the mean itself.
    /// </summary>
    public static ShareInterval ForGroup(double mean, double overdispersion, double coverage = 0.8)
    {
        Check(mean, overdispersion, coverage);
        if (mean <= 0 || mean >= 1 || overdispersion <= 0) return new(mean, mean, 1);
        double s = 1 / overdispersion - 1, a = mean * s, b = (1 - mean) * s, tail = (1 - coverage) / 2;
        return new(BetaQuantile(a, b, tail), BetaQuantile(a, b, 1 - tail), coverage);
    }

    private static void Check(double mean, double overdispersion, double coverage)
    {
        if (!(mean >= 0 && mean <= 1)) throw new ArgumentOutOfRangeException(nameof(mean), "mean must be in [0, 1]");
        if (!(overdispersion >= 0 && overdispersion < 1)) throw new ArgumentOutOfRangeException(nameof(overdispersion), "overdispersion must be in [0, 1)");
        if (!(coverage > 0 && coverage < 1)) throw new ArgumentOutOfRangeException(nameof(coverage), "coverage must be in (0, 1)");
    }

    /// <summary>The <paramref name="q"/>-quantile of Beta(<paramref name="a"/>, <paramref name="b"/>): Newton's method on the
    /// regularised incomplete beta function from a normal approximation, kept inside a shrinking bisection bracket.</summary>
    public static double BetaQuantile(double a, double b, double q)
    {
        if (q <= 0) return 0;
        if (q >= 1) return 1;
        double lo = 0, hi = 1, logBeta = LogBeta(a, b);
        double mean = a / (a + b), sd = Math.Sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
        double x = Math.Clamp(mean + sd * NormalQuantile(q), 1e-6, 1 - 1e-6);
        for (int i = 0; i < 400; i++)
        {
            double f = IncompleteBeta(a, b, x, logBeta) - q;
            if (Math.Abs(f) < 1e-14) break;
            if (f < 0) lo = x; else hi = x;
            double density = Math.Exp((a - 1) * Math.Log(x) + (b - 1) * Math.Log(1 - x) - logBeta);
            double next = x - f / density;
            // A Newton step that leaves the bracket (or is not finite) falls back to bisection, geometric towards an open
            // end: quantiles of very skewed shapes (a ≪ 1) can lie at 1e-60.
            if (!(next > lo && next < hi)) next = lo == 0 ? hi / 64 : hi == 1 ? 1 - (1 - lo) / 64 : (lo + hi) / 2;
            if (Math.Abs(next - x) <= 1e-15 * x) { x = next; break; } // relative: the quantile may be tiny
            x = next;
        }
        return x;
    }

    // The standard normal quantile by Abramowitz & Stegun 26.2.23 (error below 4.5e-4): a starting point only.
    private static double NormalQuantile(double p)
    {
        double q = Math.Min(p, 1 - p), t = Math.Sqrt(-2 * Math.Log(q));
        double z = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
        return p < 0.5 ? -z : z;
    }

    /// <summary>I_x(a, b), the Beta(a, b) distribution function at <paramref name="x"/> (continued fraction, Numerical Recipes §6.4).</summary>
    public static double RegularizedIncompleteBeta(double a, double b, double x) => IncompleteBeta(a, b, x, LogBeta(a, b));

    private static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    private static double IncompleteBeta(double a, double b, double x, double logBeta)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double front = Math.Exp(a * Math.Log(x) + b * Math.Log(1 - x) - logBeta);
        // The fraction converges fast for x below the mean; use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) above it.
        return x < (a + 1) / (a + b + 2) ? front * BetaFraction(a, b, x) / a : 1 - front * BetaFraction(b, a, 1 - x) / b;
    }

    private static double BetaFraction(double a, double b, double x)
    {
        const double Tiny = 1e-300;
        double qab = a + b, qap = a + 1, qam = a - 1, c = 1, d = 1 - qab * x / qap;
        if (Math.Abs(d) < Tiny) d = Tiny;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 300; m++)
        {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d; if (Math.Abs(d) < Tiny) d = Tiny;
            c = 1 + aa / c; if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d; h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d; if (Math.Abs(d) < Tiny) d = Tiny;
            c = 1 + aa / c; if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.Abs(del - 1) < 1e-14) break;
        }
        return h;
    }

    /// <summary>ln Γ(<paramref name="x"/>) for x &gt; 0 (Lanczos, g = 7, 9 terms; relative error below 1e-13).</summary>
    public static double LogGamma(double x)
    {
        ReadOnlySpan<double> c =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        if (x < 0.5) return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x); // reflection
        x -= 1;
        double sum = c[0], t = x + 7.5;
        for (int i = 1; i < 9; i++) sum += c[i] / (x + i);
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }
}
