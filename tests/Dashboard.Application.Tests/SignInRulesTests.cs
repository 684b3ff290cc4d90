using Dashboard.Application.Access;

namespace Dashboard.Application.Tests;

/// <summary>The sign-in page's rules, as plain code: where it may send someone back to, and what it may say.</summary>
public sealed class SignInRulesTests
{
    [Theory]
    [InlineData("/channels?period=last_28_days", "/channels?period=last_28_days")]
    [InlineData("/", "/")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("channels", "/")]
    public void Only_a_path_of_this_site_is_a_place_to_return_to(string? asked, string expected) =>
        Assert.Equal(expected, SignInService.SafeReturnUrl(asked));

    [Fact]
    public void A_wrong_e_mail_and_a_wrong_password_read_the_same_and_a_lockout_says_so()
    {
        Assert.Null(SignInService.Message(SignInOutcome.Succeeded));
        Assert.Equal("The e-mail or the password is not right.", SignInService.Message(SignInOutcome.Failed));
        Assert.Contains("locked", SignInService.Message(SignInOutcome.LockedOut), StringComparison.Ordinal);
        Assert.NotEqual(SignInService.Message(SignInOutcome.Failed), SignInService.Message(SignInOutcome.NotAllowed));
    }
}
