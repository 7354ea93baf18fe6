using Coordination.ServiceDefaults.Directory;

namespace Coordination.UnitTests;

public sealed class UnitSpellingTests
{
    [Theory]
    [InlineData("xuanwu-housing-office")]
    [InlineData("Xuanwu-Housing-Office")]
    [InlineData("  xuanwu housing office ")]
    [InlineData("XUANWU_HOUSING_OFFICE")]
    [InlineData("xuanwu--housing__office-")]
    [InlineData("ｘｕａｎｗｕ－ｈｏｕｓｉｎｇ－ｏｆｆｉｃｅ")]
    [InlineData("xuanwu\u3000housing\u3000office")]
    public void Every_spelling_of_a_code_has_the_same_key(string spelling) =>
        Assert.Equal("xuanwu-housing-office", UnitSpelling.CodeKey(spelling));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("xuanwu\u0000housing")]
    [InlineData("xuanwu\nhousing")]
    public void Text_that_cannot_be_a_unit_has_no_key(string spelling) => Assert.Null(UnitSpelling.CodeKey(spelling));

    [Fact]
    public void Malformed_unicode_has_no_key()
    {
        var loneSurrogate = new string([(char)0xD800, 'x', 'u']);
        Assert.Null(UnitSpelling.CodeKey(loneSurrogate));
        Assert.Null(UnitSpelling.NameKey(loneSurrogate));
    }

    [Fact]
    public void Over_long_text_has_no_key() => Assert.Null(UnitSpelling.CodeKey(new string('a', UnitSpelling.MaxLength + 1)));

    [Fact]
    public void A_chinese_name_is_matched_without_its_spaces_and_with_full_width_folded() =>
        Assert.Equal(UnitSpelling.NameKey("南京市玄武区住房和城乡建设局"), UnitSpelling.NameKey(" 南京市玄武区 住房和城乡建设局　"));

    [Fact]
    public void An_error_shows_the_spelling_printable_and_short()
    {
        Assert.Equal("ab", UnitSpelling.Shown("a\u0001b"));
        Assert.Equal(new string('x', 64) + "…", UnitSpelling.Shown(new string('x', 100)));
    }
}
