using Coordination.ServiceDefaults.Auth;

namespace Coordination.UnitTests;

public sealed class JurisdictionTests
{
    [Theory]
    [InlineData("320000", "320102", true)]   // province covers a county
    [InlineData("320100", "320102", true)]   // city covers its county
    [InlineData("320100", "320500", false)]  // Nanjing does not cover Suzhou
    [InlineData("320102", "320102", true)]
    [InlineData("320102", "320100", false)]  // a county does not cover its city
    [InlineData("320000", "330100", false)]
    [InlineData("320100", "3201", false)]
    [InlineData("abcdef", "320102", false)]
    public void Covers_only_codes_under_its_significant_digits(string jurisdiction, string region, bool covered) =>
        Assert.Equal(covered, Jurisdiction.Covers(jurisdiction, region));

    [Theory]
    [InlineData("320000", "32")]
    [InlineData("320100", "3201")]
    [InlineData("320102", "320102")]
    public void Prefix_drops_trailing_zero_pairs(string code, string prefix) => Assert.Equal(prefix, Jurisdiction.Prefix(code));
}
