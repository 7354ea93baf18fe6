using Coordination.Directory.Domain;

namespace Coordination.Directory.Api;

/// <summary>What a person is told when sign-in is refused (pages in Chinese, token errors in English for clients).</summary>
public static class SignInMessages
{
    public static string Chinese(SignInOutcome outcome, LockoutPolicy lockout) => outcome switch
    {
        SignInOutcome.Locked => $"密码错误次数过多，账户已锁定，请{Math.Max(1, (int)lockout.Duration.TotalMinutes)}分钟后再试。",
        SignInOutcome.Deactivated => "账户已停用，请联系系统管理员。",
        _ => "用户名或密码错误。",
    };

    public static string English(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.Locked => "the account is locked after too many wrong passwords",
        SignInOutcome.Deactivated => "the account is deactivated",
        _ => "wrong user name or password",
    };
}
