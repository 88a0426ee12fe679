namespace Polder.Language;

/// <summary>
/// The language mix of a collection of texts (a community), learnt from the texts the identifier is sure of, used as
/// the prior for the ones it is not: "Top service" alone is English to the identifier (0.81), but in a community of
/// Dutch posts it is far more likely Dutch, and "Same here lol" in an English one is English. Immutable once built;
/// thread-safe.
/// </summary>
public sealed class LanguageMix
{
    /// <summary>Guesses at least this sure count towards the mix (the prior must not learn from the texts it settles).</summary>
    public const double SureConfidence = 0.9;

    private readonly Dictionary<string, double> _prior;
    private readonly double _unseen;

    private LanguageMix(Dictionary<string, double> prior, double unseen) { _prior = prior; _unseen = unseen; }

    /// <summary>The mix of the sure guesses among <paramref name="guesses"/>, add-one smoothed over <paramref name="languages"/>.</summary>
    public static LanguageMix Of(IEnumerable<LanguageGuess> guesses, IReadOnlyList<string> languages)
    {
        ArgumentNullException.ThrowIfNull(guesses);
        ArgumentNullException.ThrowIfNull(languages);
        var counts = languages.ToDictionary(l => l, _ => 1.0, StringComparer.Ordinal);
        foreach (var g in guesses)
            if (g.Confidence >= SureConfidence && counts.ContainsKey(g.Language)) counts[g.Language]++;
        double total = counts.Values.Sum();
        return new LanguageMix(counts.ToDictionary(kv => kv.Key, kv => kv.Value / total, StringComparer.Ordinal), 1.0 / (total + 1));
    }

    /// <summary>The share of <paramref name="language"/> in the mix.</summary>
    public double ShareOf(string language) => _prior.GetValueOrDefault(language, _unseen);

    /// <summary>
    /// <paramref name="guess"/> with the mix as prior: the identifier's probabilities (its best language at its
    /// confidence, the rest shared evenly by the other languages of the mix) times the mix, normalised. Guesses outside
    /// the mix (unknown, a script-level guess) come back unchanged.
    /// </summary>
    public LanguageGuess Reweigh(LanguageGuess guess)
    {
        if (!_prior.ContainsKey(guess.Language) || _prior.Count < 2) return guess;
        double rest = (1 - guess.Confidence) / (_prior.Count - 1);
        string best = guess.Language;
        double bestMass = 0, sum = 0;
        foreach (var (language, share) in _prior)
        {
            double mass = share * (language == guess.Language ? guess.Confidence : rest);
            sum += mass;
            if (mass > bestMass) { bestMass = mass; best = language; }
        }
        return sum <= 0 ? guess : new LanguageGuess(best, bestMass / sum);
    }
}
