namespace Polder.Text;

/// <summary>Allocation-free enumerator over the tokens of a text; use with <c>foreach</c>.</summary>
public ref struct TokenEnumerator
{
    private readonly DutchTokenizer _tokenizer;
    private readonly ReadOnlySpan<char> _text;
    private int _position;

    internal TokenEnumerator(DutchTokenizer tokenizer, ReadOnlySpan<char> text)
    {
        _tokenizer = tokenizer;
        _text = text;
        _position = 0;
        Current = default;
    }

    /// <summary>The current token.</summary>
    public Token Current { get; private set; }

    /// <summary>Moves to the next token; false at the end.</summary>
    public bool MoveNext()
    {
        bool ok = _tokenizer.NextToken(_text, ref _position, out var t);
        Current = t;
        return ok;
    }

    /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
    public readonly TokenEnumerator GetEnumerator() => this;
}
