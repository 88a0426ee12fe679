using System.Runtime.CompilerServices;

namespace Polder.Text;

/// <summary>Sees a text whose tokenisation is starting.</summary>
internal delegate void TokenizationObserver(ReadOnlySpan<char> text);

/// <summary>
/// A test hook: <see cref="DutchTokenizer"/> reports every whole-text tokenisation here, so a test can show that the
/// pipeline tokenises each post once. Null (one field read per text) outside tests.
/// </summary>
internal static class TokenizationProbe
{
    /// <summary>The observer, or null. Set by tests only; they must run alone while it is set.</summary>
    public static volatile TokenizationObserver? Observer;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Starting(ReadOnlySpan<char> text) => Observer?.Invoke(text);
}
