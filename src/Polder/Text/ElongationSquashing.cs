namespace Polder.Text;

/// <summary>
/// How <see cref="TextNormalizer"/> shortens elongations such as <c>heeeel</c> or <c>jaaaaa</c>: runs of
/// three or more of the same letter. Runs of two are never touched, because Dutch spells long vowels and
/// many consonants double (<c>heel</c>, <c>been</c>, <c>bellen</c>).
/// </summary>
public enum ElongationSquashing : byte
{
    /// <summary>Leave elongations as they are.</summary>
    None,
    /// <summary>A run of three or more becomes two: <c>heeeel</c> → <c>heel</c>, <c>jaaaa</c> → <c>jaa</c>.
    /// Restores most Dutch words, since a Dutch word never has three of a letter in a row.</summary>
    ToTwo,
    /// <summary>A run of three or more becomes one: <c>jaaaa</c> → <c>ja</c>, <c>heeeel</c> → <c>hel</c>.
    /// Merges more variants of an interjection, at the price of breaking words with a doubled letter.</summary>
    ToOne,
}
