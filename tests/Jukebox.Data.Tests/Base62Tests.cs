namespace Jukebox.Data.Tests;

public sealed class Base62Tests
{
    [Fact]
    public void Every_128_bit_value_is_22_characters_with_leading_zeros()
    {
        Assert.Equal("0000000000000000000000", Base62.Id(UInt128.Zero));
        Assert.Equal("000000000000000000000Z", Base62.Id(61));
        Assert.Equal("7N42dgm5tFLK9N8MT7fHC7", Base62.Id(UInt128.MaxValue));
    }

    [Theory]
    [InlineData("4MiYOiRYwl887aZ12zTde6", true)]
    [InlineData("4MiYOiRYwl887aZ12zTde", false)]
    [InlineData("4MiYOiRYwl887aZ12zTde6x", false)]
    [InlineData("4MiYOiRYwl887aZ12zTd-6", false)]
    [InlineData("4MiYOiRYwl887aZ12zTdé6", false)]
    public void An_id_is_22_ascii_letters_or_digits(string id, bool valid) => Assert.Equal(valid, Base62.IsId(id));
}
