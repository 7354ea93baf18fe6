using System.Net;
using Microsoft.AspNetCore.Antiforgery;

namespace Coordination.Directory.Api;

/// <summary>The sign-in server's few pages: small, server-rendered, in Chinese, every form with its antiforgery token.</summary>
public static class Pages
{
    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    public static IResult Login(AntiforgeryTokenSet tokens, string returnUrl, string login = "", string? error = null) => Page("登录", $"""
        <form method="post" action="/account/login">
          {Hidden(tokens)}<input type="hidden" name="ReturnUrl" value="{E(returnUrl)}">
          {Error(error)}
          <label>用户名 <input name="username" value="{E(login)}" autocomplete="username" required></label>
          <label>密码 <input name="password" type="password" autocomplete="current-password" required></label>
          <button type="submit">登录</button>
        </form>
        """);

    public static IResult EnterUserCode(string? error = null) => Page("设备授权", $"""
        <form method="get" action="/connect/verify">
          {Error(error)}
          <label>用户代码 <input name="user_code" autocomplete="off" required></label>
          <button type="submit">下一步</button>
        </form>
        """);

    public static IResult ConfirmDevice(AntiforgeryTokenSet tokens, string userCode, string client, string person) => Page("设备授权", $"""
        <p>{E(person)}，应用“{E(client)}”请求以您的身份访问信访协同系统。</p>
        <form method="post" action="/connect/verify">
          {Hidden(tokens)}<input type="hidden" name="user_code" value="{E(userCode)}">
          <p>用户代码：<strong>{E(userCode)}</strong></p>
          <button type="submit" name="decision" value="accept">确认授权</button>
          <button type="submit" name="decision" value="deny">拒绝</button>
        </form>
        """);

    public static IResult Message(string title, string text, int status = StatusCodes.Status200OK) => Page(title, $"<p>{E(text)}</p>", status);

    private static string Hidden(AntiforgeryTokenSet tokens) => $"""<input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken)}">""";

    private static string Error(string? error) => error is null ? "" : $"""<p class="error" role="alert">{E(error)}</p>""";

    private static IResult Page(string title, string body, int status = StatusCodes.Status200OK) => Results.Content($"""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>{E(title)} - 信访协同</title>
        <style>body{"{"}font-family:sans-serif;max-width:24rem;margin:4rem auto{"}"} label{"{"}display:block;margin:.8rem 0{"}"} .error{"{"}color:#b00{"}"}</style></head>
        <body><h1>{E(title)}</h1>
        {body}
        </body></html>
        """, "text/html; charset=utf-8", statusCode: status);
}
