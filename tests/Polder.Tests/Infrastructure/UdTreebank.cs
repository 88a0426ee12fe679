using System.Text;

namespace Polder.Tests.Infrastructure;

/// <summary>Reads a UD .conllu file: sentence texts (<c># text =</c>) and surface tokens (multiword ranges as one).</summary>
public static class UdTreebank
{
    /// <summary>One UD sentence: its text and gold surface tokens.</summary>
    public sealed record UdSentence(string Text, IReadOnlyList<string> Tokens);

    /// <summary>All sentences of <paramref name="path"/>, as ../shared/eval/ud_to_eval.py reads them.</summary>
    public static List<UdSentence> Read(string path)
    {
        var result = new List<UdSentence>();
        string? text = null;
        var tokens = new List<string>();
        int skipUntil = 0;
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                if (text is not null || tokens.Count > 0) result.Add(new UdSentence(text ?? string.Join(' ', tokens), tokens));
                text = null; tokens = new List<string>(); skipUntil = 0;
                continue;
            }
            if (line.StartsWith('#'))
            {
                var body = line[1..].Trim();
                if (body.StartsWith("text =", StringComparison.Ordinal) || body.StartsWith("text=", StringComparison.Ordinal))
                    text = body[(body.IndexOf('=') + 1)..].Trim();
                continue;
            }
            var cols = line.Split('\t');
            var id = cols[0];
            int dash = id.IndexOf('-');
            if (dash > 0) { tokens.Add(cols[1]); skipUntil = int.Parse(id[(dash + 1)..]); }
            else if (!id.Contains('.') && int.Parse(id) > skipUntil) tokens.Add(cols[1]);
        }
        if (text is not null || tokens.Count > 0) result.Add(new UdSentence(text ?? string.Join(' ', tokens), tokens));
        return result;
    }
}
