using System.Text;
using Polder.Text;

namespace Polder.Tests.Text;

public class DutchStopWordsTests
{
    [Theory]
    [InlineData("de")]
    [InlineData("het")]
    [InlineData("een")]
    [InlineData("en")]
    [InlineData("niet")]
    [InlineData("u")]
    [InlineData("zijn")]
    [InlineData("'t")]
    [InlineData("z'n")]
    [InlineData("z’n")]
    public void CommonFunctionWordsAreStopWords(string word) => Assert.True(DutchStopWords.Default.IsStopWord(word));

    [Theory]
    [InlineData("De")]
    [InlineData("HET")]
    [InlineData("Zijn")]
    public void MatchingIgnoresCase(string word) => Assert.True(DutchStopWords.Default.IsStopWord(word));

    [Theory]
    [InlineData("kabinet")]
    [InlineData("corona")]
    [InlineData("minister")]
    [InlineData("")]
    [InlineData("d")]       // single letters of the source list were dropped
    [InlineData("7")]       // so were its digits
    [InlineData("-")]
    [InlineData("dee")]
    [InlineData("ikke")]
    public void ContentWordsAndDroppedEntriesAreNot(string word) => Assert.False(DutchStopWords.Default.IsStopWord(word));

    [Fact]
    public void WordsHoldsTheShippedListWithoutComments()
    {
        var words = DutchStopWords.Default.Words;
        Assert.InRange(words.Count, 100, 130);
        Assert.Contains("omdat", words);
        Assert.DoesNotContain(words, w => w.StartsWith('#') || w.Length == 0);
        Assert.All(words, w => Assert.Equal(w.ToLowerInvariant(), w));
    }

    [Fact]
    public void LoadReadsOneWordPerLineAndSkipsComments()
    {
        var list = "# a comment\nfoo\n\n  Bar \n#baz\n";
        var set = DutchStopWords.Load(new MemoryStream(Encoding.UTF8.GetBytes(list)));
        Assert.Equal(2, set.Words.Count);
        Assert.True(set.IsStopWord("FOO"));
        Assert.True(set.IsStopWord("bar"));
        Assert.False(set.IsStopWord("baz"));
        Assert.False(set.IsStopWord("# a comment"));
    }

    [Fact]
    public void AnEmptyListMatchesNothing()
    {
        var set = new DutchStopWords([]);
        Assert.False(set.IsStopWord(""));
        Assert.False(set.IsStopWord("de"));
    }

    [Fact]
    public void LookupDoesNotAllocate()
    {
        var stop = DutchStopWords.Default;
        ReadOnlySpan<char> text = "De minister zei dat HET kabinet niet ingrijpt";
        stop.IsStopWord(text[..2]);
        long before = GC.GetAllocatedBytesForCurrentThread();
        int hits = 0;
        for (int i = 0; i < 1000; i++)
            hits += (stop.IsStopWord(text[..2]) ? 1 : 0) + (stop.IsStopWord(text[3..11]) ? 1 : 0) + (stop.IsStopWord(text[20..23]) ? 1 : 0);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(2000, hits);
    }
}
