using Polder.Text;

namespace Polder.Language;

/// <summary>
/// The language of a text written mostly in a non-Latin script, from the script alone (Arabic script → "ar", Cyrillic →
/// "ru", Greek → "el", Hebrew → "he", Hangul → "ko", kana → "ja", Han without kana → "zh", Thai → "th", Devanagari →
/// "hi"). A script-level guess: Persian or Kurdish in Arabic script is also "ar", Ukrainian also "ru", so the confidence
/// is <see cref="Confidence"/>, not higher. What it settles for sure is that such a text is neither Dutch nor English.
/// </summary>
internal static class ScriptLanguage
{
    /// <summary>The confidence of a script-level guess.</summary>
    public const double Confidence = 0.8;

    private enum Script { Latin, Arabic, Cyrillic, Greek, Hebrew, Hangul, Kana, Han, Thai, Devanagari, Other }

    /// <summary>A guess (from the text's <paramref name="tokens"/>) when the text's words have more letters of one non-Latin script than Latin letters; else null.</summary>
    public static LanguageGuess? Of(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
    {
        // most posts are plain Latin: one cheap scan decides that nothing needs counting
        bool any = false;
        foreach (char c in text)
            if (c >= '\u0370' && char.IsLetter(c) && !IsLatin(c)) { any = true; break; }
        if (!any) return null;

        Span<int> counts = stackalloc int[(int)Script.Other + 1];
        foreach (var token in tokens)
        {
            // mentions, URLs and e-mail are Latin whatever the language around them
            if (token.Kind is not (TokenKind.Word or TokenKind.Clitic or TokenKind.Abbreviation or TokenKind.Hashtag)) continue;
            foreach (char c in token.Slice(text))
                if (char.IsLetter(c)) counts[(int)Of(c)]++;
        }
        int best = (int)Script.Arabic;
        for (int s = best + 1; s < counts.Length; s++)
            if (counts[s] > counts[best]) best = s;
        int foreign = 0;
        for (int s = 1; s < counts.Length; s++) foreign += counts[s];
        if (foreign <= counts[(int)Script.Latin]) return null;
        // Japanese writes Han with kana; Han alone is Chinese
        if ((Script)best == Script.Han && counts[(int)Script.Kana] > 0) best = (int)Script.Kana;
        string? code = (Script)best switch
        {
            Script.Arabic => "ar", Script.Cyrillic => "ru", Script.Greek => "el", Script.Hebrew => "he", Script.Hangul => "ko",
            Script.Kana => "ja", Script.Han => "zh", Script.Thai => "th", Script.Devanagari => "hi", _ => null,
        };
        return code is null ? LanguageGuess.Unknown : new LanguageGuess(code, Confidence);
    }

    private static bool IsLatin(char c) => c < '\u0250' || (c >= '\u1E00' && c <= '\u1EFF');

    private static Script Of(char c) => c switch
    {
        _ when IsLatin(c) => Script.Latin,
        >= '\u0370' and <= '\u03FF' => Script.Greek,
        >= '\u0400' and <= '\u04FF' => Script.Cyrillic,
        >= '\u0590' and <= '\u05FF' => Script.Hebrew,
        >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => Script.Arabic,
        >= '\u0900' and <= '\u097F' => Script.Devanagari,
        >= '\u0E00' and <= '\u0E7F' => Script.Thai,
        >= '\u1100' and <= '\u11FF' or >= '\uAC00' and <= '\uD7AF' => Script.Hangul,
        >= '\u3040' and <= '\u30FF' => Script.Kana,
        >= '\u4E00' and <= '\u9FFF' => Script.Han,
        _ => Script.Other,
    };
}
