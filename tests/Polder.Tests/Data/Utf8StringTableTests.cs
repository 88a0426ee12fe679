using Polder.Data;

namespace Polder.Tests.Data;

public class Utf8StringTableTests
{
    [Fact]
    public void Gives_each_distinct_string_one_index_in_arrival_order_and_reads_it_back()
    {
        var table = new Utf8StringTable();
        // real thread ids of the simulator's form, non-ASCII ids, and enough of them to fill several 1 MiB blocks
        var ids = Enumerable.Range(1, 300_000).Select(i => i % 7 == 0 ? $"draad-ü{i}-€" : "s" + i).ToList();
        for (int i = 0; i < ids.Count; i++) Assert.Equal(i, table.Add(ids[i]));
        for (int i = 0; i < ids.Count; i += 997) Assert.Equal(i, table.Add(ids[i]));   // a repeat adds nothing
        Assert.Equal(ids.Count, table.Count);
        for (int i = 0; i < ids.Count; i += 13) { Assert.Equal(ids[i], table[i]); Assert.Equal(i, table.Find(ids[i])); }
        Assert.Equal(-1, table.Find("s0"));
        Assert.Equal(-1, table.Find("s300001"));
        Assert.Equal(ids.Count, table.Count);   // a miss keeps nothing
    }

    [Fact]
    public void Keeps_strings_longer_than_a_block_and_drops_one_that_was_only_looked_up()
    {
        var table = new Utf8StringTable();
        string big = new('x', 1_500_000), other = new('y', 400_000), missing = new('z', 600_000);
        Assert.Equal(0, table.Add("a"));
        Assert.Equal(-1, table.Find(missing));
        Assert.Equal(1, table.Add(big));
        Assert.Equal(2, table.Add("b"));
        Assert.Equal(3, table.Add(other));
        Assert.Equal(-1, table.Find(missing));
        Assert.Equal(4, table.Add("c"));
        Assert.Equal(["a", big, "b", other, "c"], Enumerable.Range(0, table.Count).Select(i => table[i]));
        Assert.Equal(1, table.Find(big));
        Assert.Equal(3, table.Add(other));
        Assert.Equal(string.Empty, table[table.Add("")]);
    }
}
