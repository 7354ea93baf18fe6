using Coordination.ServiceDefaults.Grpc;

namespace Coordination.UnitTests;

public sealed class PageTokensTests
{
    private static readonly PageTokens Pages = new("test.ListThings", PagePart.Time, PagePart.Id);

    [Fact]
    public void A_token_reads_back_the_key_of_the_last_row()
    {
        var at = new DateTimeOffset(2026, 11, 28, 8, 30, 1, TimeSpan.Zero).AddTicks(1234);
        var id = Guid.NewGuid();
        var rows = new[] { 1, 2, 3 };
        var (items, next) = Pages.Page(rows, new PageRequest(2, null, "q"), _ => PageKey.Of(at, id));
        Assert.Equal([1, 2], items);

        var errors = new FieldErrors();
        var page = Pages.Read(errors, 2, next, "q");
        Assert.False(errors.Any);
        Assert.Equal(at, page.After!.Time(0));
        Assert.Equal(id, page.After.Id(1));
    }

    [Fact]
    public void The_last_page_has_no_token() =>
        Assert.Equal("", Pages.Page(new[] { 1, 2 }, new PageRequest(2, null, ""), _ => PageKey.Of(DateTimeOffset.UnixEpoch, Guid.Empty)).NextPageToken);

    [Theory]
    [InlineData("not a token")]
    [InlineData("AAAA")]
    public void A_garbled_token_is_refused_naming_page_token(string token) => AssertRefused(token, "");

    [Fact]
    public void A_token_changed_by_one_character_is_refused()
    {
        var token = Pages.Token(PageKey.Of(DateTimeOffset.UnixEpoch, Guid.NewGuid()));
        var middle = token.Length / 2;
        var changed = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        AssertRefused(changed, "");
    }

    [Fact]
    public void A_token_of_another_list_or_other_filters_is_refused()
    {
        var key = PageKey.Of(DateTimeOffset.UnixEpoch, Guid.NewGuid());
        AssertRefused(new PageTokens("test.ListOthers", PagePart.Time, PagePart.Id).Token(key), "");
        AssertRefused(Pages.Token(key, "pending"), "all");
        AssertRefused(new PageTokens("test.ListThings", PagePart.Time, PagePart.Text).Token(PageKey.Of(DateTimeOffset.UnixEpoch, "x")), "");
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(7, 7)]
    [InlineData(PageTokens.MaxSize, PageTokens.MaxSize)]
    public void Page_sizes_default_to_fifty(int asked, int size) => Assert.Equal(size, Pages.Read(new FieldErrors(), asked, "").Size);

    [Theory]
    [InlineData(-1)]
    [InlineData(PageTokens.MaxSize + 1)]
    public void A_page_size_below_zero_or_above_the_most_is_refused_naming_page_size(int asked)
    {
        var errors = new FieldErrors();
        Pages.Read(errors, asked, "");
        Assert.Equal("page_size", Assert.Single(errors.Errors).Field);
    }

    private static void AssertRefused(string token, string query)
    {
        var errors = new FieldErrors();
        Pages.Read(errors, 10, token, query);
        Assert.Equal("page_token", Assert.Single(errors.Errors).Field);
    }
}
