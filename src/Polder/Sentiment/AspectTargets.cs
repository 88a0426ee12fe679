using Polder.Text;

namespace Polder.Sentiment;

/// <summary>Finds the targets of aspect-level sentiment in a tokenised text and the sentences that mention them.</summary>
internal static class AspectTargets
{
    /// <summary>
    /// With <paramref name="targets"/>: each target that occurs (case-insensitive token sequence, or as the body
    /// of a #hashtag or @mention). Without: the text's @mentions, #hashtags and capitalised names (runs of
    /// capitalised words that do not start a sentence and are not stop words).
    /// </summary>
    public static List<(string Name, List<int> Sentences)> Find(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, IReadOnlyList<string>? targets)
    {
        var sentenceOf = new int[tokens.Length];
        for (int s = 0; s < sentences.Length; s++)
            for (int t = sentences[s].FirstToken; t < sentences[s].FirstToken + sentences[s].TokenCount; t++) sentenceOf[t] = s;
        var result = new List<(string, List<int>)>();
        if (targets is not null)
        {
            foreach (var target in targets)
            {
                if (string.IsNullOrWhiteSpace(target)) continue;
                var parts = DutchTokenizer.Default.TokenizeToStrings(target.Trim());
                var found = new List<int>();
                for (int t = 0; t < tokens.Length; t++)
                {
                    if (Matches(text, tokens, t, parts) && !found.Contains(sentenceOf[t])) found.Add(sentenceOf[t]);
                }
                if (found.Count > 0) result.Add((target.Trim(), found));
            }
            return result;
        }
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        void Add(string name, int sentence)
        {
            if (!index.TryGetValue(name, out int i)) { index[name] = result.Count; result.Add((name, [sentence])); }
            else if (!result[i].Item2.Contains(sentence)) result[i].Item2.Add(sentence);
        }
        for (int t = 0; t < tokens.Length; t++)
        {
            var tok = tokens[t];
            if (tok.Kind is TokenKind.Mention or TokenKind.Hashtag) { Add(tok.GetText(text), sentenceOf[t]); continue; }
            if (!IsName(text, tokens, t, sentences[sentenceOf[t]].FirstToken)) continue;
            int end = t + 1;
            while (end < tokens.Length && sentenceOf[end] == sentenceOf[t] && IsName(text, tokens, end, -1) && tokens[end].Start - tokens[end - 1].End <= 1) end++;
            Add(text[tokens[t].Start..tokens[end - 1].End], sentenceOf[t]);
            t = end - 1;
        }
        return result;
    }

    private static bool IsName(string text, ReadOnlySpan<Token> tokens, int t, int sentenceFirst)
    {
        var tok = tokens[t];
        if (tok.Kind != TokenKind.Word || t == sentenceFirst || tok.Length < 2) return false;
        var w = tok.Slice(text);
        return char.IsUpper(w[0]) && !DutchStopWords.Default.IsStopWord(w);
    }

    private static bool Matches(string text, ReadOnlySpan<Token> tokens, int t, string[] parts)
    {
        if (parts.Length == 0) return false;
        var first = tokens[t].Slice(text);
        if (parts.Length == 1 && tokens[t].Kind is TokenKind.Hashtag or TokenKind.Mention && first.Length > 1
            && first[1..].Equals(parts[0].TrimStart('#', '@'), StringComparison.OrdinalIgnoreCase)) return true;
        if (t + parts.Length > tokens.Length) return false;
        for (int k = 0; k < parts.Length; k++)
            if (!tokens[t + k].Slice(text).Equals(parts[k], StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }
}
