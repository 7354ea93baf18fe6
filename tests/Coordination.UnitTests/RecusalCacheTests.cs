using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Recusal;

namespace Coordination.UnitTests;

/// <summary>What the recusal shield keeps between calls (issue 15, ADR 30) never answers from before a change.</summary>
public sealed class RecusalCacheTests
{
    private static readonly Caller Clerk = new("clerk.one", Roles.Clerk, "xuanwu-petition-office", "320102");
    private static readonly Guid CaseA = Guid.NewGuid(), CaseB = Guid.NewGuid();

    private int _reads;

    private Func<CancellationToken, Task<HashSet<Guid>>> Table(params Guid[] cases) => _ =>
    {
        _reads++;
        return Task.FromResult(cases.ToHashSet());
    };

    [Fact]
    public async Task Nothing_is_kept_until_the_replica_listens()
    {
        var cache = new RecusalCache();
        await cache.OfAsync(Clerk, Table(CaseA), default);
        await cache.OfAsync(Clerk, Table(CaseA), default);
        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task While_listening_a_caller_is_read_once_until_a_change_is_heard()
    {
        var cache = new RecusalCache();
        cache.Listening(true);
        Assert.Equal([CaseA], await cache.OfAsync(Clerk, Table(CaseA), default));
        Assert.Equal([CaseA], await cache.OfAsync(Clerk, Table(CaseA, CaseB), default));
        Assert.Equal(1, _reads);
        cache.Changed();
        Assert.Equal(new[] { CaseA, CaseB }.Order(), (await cache.OfAsync(Clerk, Table(CaseA, CaseB), default)).Order());
        cache.Listening(false);
        await cache.OfAsync(Clerk, Table(CaseA, CaseB), default);
        Assert.Equal(3, _reads);
    }

    [Fact]
    public async Task A_unit_of_work_storing_a_recusal_turns_the_cache_off_until_it_ends()
    {
        var cache = new RecusalCache();
        cache.Listening(true);
        await cache.OfAsync(Clerk, Table(), default);
        var unitOfWork = new object();
        cache.Storing(unitOfWork);
        await cache.OfAsync(Clerk, Table(), default);
        await cache.OfAsync(Clerk, Table(), default);
        Assert.Equal(3, _reads);
        cache.Stored(unitOfWork);
        Assert.Equal([CaseA], await cache.OfAsync(Clerk, Table(CaseA), default));
        Assert.Equal([CaseA], await cache.OfAsync(Clerk, Table(), default));
        Assert.Equal(4, _reads);
    }

    [Fact]
    public async Task A_read_that_a_change_overtook_is_not_kept()
    {
        var cache = new RecusalCache();
        cache.Listening(true);
        var reading = new TaskCompletionSource<HashSet<Guid>>();
        var slow = cache.OfAsync(Clerk, _ => reading.Task, default);
        cache.Changed(); // a recusal committed while the read was under way: it may have read the table before
        reading.SetResult([]);
        Assert.Empty(await slow);
        Assert.Equal([CaseA], await cache.OfAsync(Clerk, Table(CaseA), default));
    }
}
