namespace Polder.Tests.Infrastructure;

/// <summary>
/// CoNLL-2018-style unit scoring: whitespace is removed, each unit becomes a character span in the concatenation
/// of its line's units, and a predicted unit is correct when a gold unit has exactly the same span.
/// </summary>
public sealed class SpanScore
{
    /// <summary>Gold, predicted and correct unit counts (micro-averaged over lines).</summary>
    public long Gold, Predicted, Correct;

    /// <summary>Precision.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    /// <summary>Recall.</summary>
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    /// <summary>F1.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Scores one line; the two unit lists must hold the same non-whitespace characters.</summary>
    public void Add(IEnumerable<string> gold, IEnumerable<string> predicted)
    {
        var (g, gs) = Spans(gold);
        var (p, ps) = Spans(predicted);
        if (gs != ps) throw new InvalidOperationException($"characters differ:\n gold {gs}\n pred {ps}");
        Gold += g.Count;
        Predicted += p.Count;
        Correct += p.Count(g.Contains);
    }

    private static (HashSet<(int, int)> Spans, string Concatenation) Spans(IEnumerable<string> units)
    {
        var set = new HashSet<(int, int)>();
        var sb = new System.Text.StringBuilder();
        foreach (var u in units)
        {
            var t = string.Concat(u.Where(c => !char.IsWhiteSpace(c)));
            if (t.Length == 0) continue;
            set.Add((sb.Length, sb.Length + t.Length));
            sb.Append(t);
        }
        return (set, sb.ToString());
    }

    /// <inheritdoc />
    public override string ToString() => $"P={Precision:F4} R={Recall:F4} F1={F1:F4} (gold {Gold}, predicted {Predicted}, correct {Correct})";
}
