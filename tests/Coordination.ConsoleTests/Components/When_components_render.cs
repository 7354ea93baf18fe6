using AntDesign;
using Bunit;
using Coordination.Console.Calls;
using Coordination.Console.Components.Shared;
using Coordination.Console.Display;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Status = Google.Rpc.Status;

namespace Coordination.ConsoleTests.Components;

/// <summary>bUnit: the pieces every page uses, without a browser.</summary>
public sealed class When_components_render : IDisposable
{
    private readonly BunitContext context = new();

    public When_components_render()
    {
        context.Services.AddAntDesign();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static RpcException Refusal(params (string Field, string Problem)[] violations)
    {
        var bad = new BadRequest();
        bad.FieldViolations.AddRange(violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Problem }));
        return new Status { Code = (int)Code.InvalidArgument, Message = "bad request", Details = { Any.Pack(bad) } }.ToRpcException();
    }

    [Fact]
    public void A_field_violation_is_shown_under_the_field_it_names_and_nowhere_else()
    {
        var problems = new Problems();
        problems.From(Refusal(("petitioners[0].id_number", "is not a valid resident identity number"), ("summary", "is required")));

        var idNumber = context.Render<FieldError>(p => p.Add(c => c.Problems, problems).Add(c => c.Field, "petitioners[0].id_number"));
        var summary = context.Render<FieldError>(p => p.Add(c => c.Problems, problems).Add(c => c.Field, "summary"));
        var region = context.Render<FieldError>(p => p.Add(c => c.Problems, problems).Add(c => c.Field, "region_code"));

        Assert.Equal("is not a valid resident identity number", idNumber.Find("[data-field]").TextContent);
        Assert.Equal("必填", summary.Find("[data-field=summary]").TextContent);
        Assert.Empty(region.FindAll("[data-field]"));
        Assert.Equal("请更正标出的内容后再提交", problems.Message);
    }

    [Fact]
    public void A_refusal_without_fields_is_one_sentence_in_chinese()
    {
        var problems = new Problems();
        problems.From(new RpcException(new global::Grpc.Core.Status(StatusCode.FailedPrecondition, "NotPending: assignment is acknowledged")));
        Assert.Equal("当前状态不允许此操作：NotPending: assignment is acknowledged", problems.Message);
        Assert.Empty(problems.Fields);
    }

    [Theory]
    [InlineData("acknowledged", "已签收")]
    [InlineData("accepted", "办理中")]
    [InlineData("overdue", "逾期")]
    [InlineData("supervised", "督办")]
    [InlineData("awaiting_manual_routing", "待人工分办")]
    public void A_status_code_is_shown_by_its_chinese_name(string code, string name)
    {
        var tag = context.Render<StatusTag>(p => p.Add(c => c.Code, code));
        Assert.Equal(name, tag.Find(".ant-tag").TextContent.Trim());
    }

    [Fact]
    public void Time_left_is_counted_in_working_days_in_beijing()
    {
        // Friday 2026-11-27 10:00 in Beijing; due the following Tuesday at midnight Beijing (end of Monday).
        var now = new DateTimeOffset(2026, 11, 27, 10, 0, 0, BeijingTime.Offset);
        var due = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 1, 0, 0, 0, BeijingTime.Offset));
        Assert.Equal("剩余1个工作日", BeijingTime.Countdown(due, now)); // Monday
        Assert.Equal("今日到期", BeijingTime.Countdown(Timestamp.FromDateTimeOffset(now.AddHours(5)), now));
        Assert.Equal("逾期1个工作日", BeijingTime.Countdown(Timestamp.FromDateTimeOffset(now.AddHours(-1)), now));
        Assert.Equal("2026-11-27 10:00", BeijingTime.Format(now.ToUniversalTime()));
    }

    [Fact]
    public void Each_role_gets_its_own_pages()
    {
        Assert.Equal("/register", Coordination.Console.Components.Layout.MainLayout.NavFor("clerk").First().Href);
        Assert.Equal("/inbox", Coordination.Console.Components.Layout.MainLayout.NavFor("department").First().Href);
        Assert.Equal("/legal", Coordination.Console.Components.Layout.MainLayout.NavFor("committee").First().Href);
        Assert.Empty(Coordination.Console.Components.Layout.MainLayout.NavFor("service"));
        // 回避: every case role and the administrator.
        foreach (var role in new[] { "clerk", "department", "institution", "committee", "bureau", "leader" })
            Assert.Contains(("/recusals", "回避"), Coordination.Console.Components.Layout.MainLayout.NavFor(role));
        // The administrator: 回避 first (its first page), then 运行监控.
        Assert.Equal([("/recusals", "回避"), ("/operations", "运行监控")], Coordination.Console.Components.Layout.MainLayout.NavFor("administrator"));
    }

    public void Dispose() => context.Dispose();
}
