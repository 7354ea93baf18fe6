using Google.Rpc;
using Grpc.Core;

namespace Coordination.Console.Calls;

/// <summary>
/// What a refused call means to the person: a sentence in Chinese, and for InvalidArgument each named field's problem, shown
/// next to that field.
/// </summary>
public sealed class Problems
{
    /// <summary>What a person is told on a page that is not theirs (a service's PermissionDenied, or the console's own check).</summary>
    public const string NotPermitted = "您无权执行此操作";

    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);
    public string? Message { get; private set; }
    public IReadOnlyDictionary<string, string> Fields => _fields;
    public bool Any => Message is not null;

    public void Clear()
    {
        _fields.Clear();
        Message = null;
    }

    /// <summary>The problem of a field or of any element of it (petitioners[0].name for "petitioners").</summary>
    public string? For(string field) =>
        _fields.TryGetValue(field, out var problem) ? problem
        : _fields.Where(f => f.Key.StartsWith(field + "[", StringComparison.Ordinal) || f.Key.StartsWith(field + ".", StringComparison.Ordinal))
            .Select(f => $"{f.Key}: {f.Value}").FirstOrDefault();

    public void Add(string field, string problem)
    {
        _fields[field] = problem;
        Message ??= "请更正标出的内容后再提交";
    }

    /// <summary>The whole problem in the page's own words (the fields named stay).</summary>
    public void Say(string message) => Message = message;

    public void From(RpcException ex)
    {
        Clear();
        if (ex.StatusCode == StatusCode.InvalidArgument && ex.GetRpcStatus()?.GetDetail<BadRequest>() is { } bad && bad.FieldViolations.Count > 0)
        {
            foreach (var violation in bad.FieldViolations) _fields[violation.Field] = Describe(violation.Description);
            Message = "请更正标出的内容后再提交";
            return;
        }
        Message = ex.StatusCode switch
        {
            StatusCode.InvalidArgument => "输入有误：" + ex.Status.Detail,
            StatusCode.FailedPrecondition => "当前状态不允许此操作：" + ex.Status.Detail,
            StatusCode.NotFound => "未找到，或您无权查看",
            StatusCode.PermissionDenied => NotPermitted,
            StatusCode.AlreadyExists => "已存在：" + ex.Status.Detail,
            StatusCode.Unauthenticated => "登录已失效，请重新登录",
            StatusCode.Unavailable or StatusCode.DeadlineExceeded => "服务暂时不可用，请稍后重试",
            _ => "操作未完成：" + ex.Status.Detail,
        };
    }

    /// <summary>The services describe problems in English; the common ones are said in Chinese, the rest kept as they are.</summary>
    public static string Describe(string problem) => problem switch
    {
        "is required" => "必填",
        _ when problem.StartsWith("is required", StringComparison.Ordinal) => "必填" + problem["is required".Length..],
        _ when problem.Contains("is not a unit of the directory", StringComparison.Ordinal) => "不是目录中的单位（" + problem + "）",
        _ when problem.Contains("is not a person of the directory", StringComparison.Ordinal) => "不是目录中的人员（" + problem + "）",
        "must be a case id (a UUID)" => "须为信访件 ID（UUID）",
        "must be a login name" => "须为登录名",
        _ => problem,
    };
}
