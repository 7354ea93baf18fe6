using Coordination.Intake.Domain;

namespace Coordination.UnitTests;

public sealed class IdentityNumbersTests
{
    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("11010519491231002x", true)]
    [InlineData("110105194912310021", false)] // wrong check character
    [InlineData("11010519491231002", false)]  // 17 characters
    [InlineData("1101051949123100AX", false)]
    public void Validates_length_digits_and_check_character(string value, bool valid) => Assert.Equal(valid, IdentityNumbers.IsValid(value));

    [Fact]
    public void Masks_the_birth_date_and_sequence() => Assert.Equal("110105********002X", IdentityNumbers.Mask("11010519491231002x"));

    [Fact]
    public void Hashes_are_keyed_and_ignore_the_case_of_the_check_character()
    {
        var a = new IdentityNumbers("pepper-a");
        Assert.Equal(a.Hash("11010519491231002X"), a.Hash("11010519491231002x"));
        Assert.NotEqual(a.Hash("11010519491231002X"), new IdentityNumbers("pepper-b").Hash("11010519491231002X"));
        Assert.DoesNotContain("19491231", a.Hash("11010519491231002X"));
    }
}
