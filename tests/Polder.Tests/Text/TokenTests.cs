using Polder.Text;

namespace Polder.Tests.Text;

public class TokenTests
{
    [Fact]
    public void SliceAndTextReturnTheSpannedCharacters()
    {
        const string input = "Hallo wereld";
        var t = new Token(6, 6, TokenKind.Word);
        Assert.Equal("wereld", t.GetText(input));
        Assert.Equal("wereld", t.Slice(input).ToString());
        Assert.Equal(12, t.End);
    }
}
