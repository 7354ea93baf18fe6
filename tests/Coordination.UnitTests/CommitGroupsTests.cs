using Coordination.Intake.Domain;
using Coordination.Intake.Workflow;
using Coordination.ServiceDefaults.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordination.UnitTests;

public sealed class CommitGroupsTests
{
    /// <summary>One loop; the first group is held until released, so that everything after it arrives while it runs.</summary>
    private sealed class HeldGroups() : CommitGroups<(string Name, string[] Keys), string>(1, 64, NullLogger.Instance)
    {
        public List<List<string>> Groups { get; } = [];
        public TaskCompletionSource FirstStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string> Add(string name, params string[] keys) => CommitAsync((name, keys), CancellationToken.None);

        protected override IReadOnlyCollection<string> ExclusiveKeys((string Name, string[] Keys) item) => item.Keys;

        protected override async Task<IReadOnlyList<string>> CommitTogetherAsync(IReadOnlyList<(string Name, string[] Keys)> group, CancellationToken ct)
        {
            lock (Groups) Groups.Add(group.Select(i => i.Name).ToList());
            FirstStarted.TrySetResult();
            await Release.Task;
            return group.Select(i => i.Name).ToList();
        }
    }

    [Fact]
    public async Task Items_sharing_a_key_never_share_a_group_and_the_rest_go_together()
    {
        var groups = new HeldGroups();
        await groups.StartAsync(CancellationToken.None);
        var first = groups.Add("first", "a");
        await groups.FirstStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var rest = new[] { groups.Add("b1", "b"), groups.Add("b2", "b"), groups.Add("c", "c", "a"), groups.Add("d", "d"), groups.Add("e"), groups.Add("b3", "b") };
        groups.Release.SetResult();

        Assert.Equal(["first", "b1", "b2", "c", "d", "e", "b3"], await Task.WhenAll(rest.Prepend(first)).WaitAsync(TimeSpan.FromSeconds(10)));
        await groups.StopAsync(CancellationToken.None);
        // A key is exclusive within a group only ("a" again in the second); one that must wait goes first in the next.
        Assert.Equal([["first"], ["b1", "c", "d", "e"], ["b2"], ["b3"]], groups.Groups);
    }

    private static Registering Registration(string unit, string? requestId, params string[] identities) => new(
        new NewPetition(requestId, "visit", "320102", "grievance", "housing", "拆迁补偿", false, [], [], DateTimeOffset.UnixEpoch),
        new Receiver(unit, "clerk", 3), [], identities, new Dictionary<string, IReadOnlyList<CaseFingerprint>>(), null);

    [Fact]
    public void Registrations_of_one_person_or_one_request_id_in_one_unit_share_a_key()
    {
        static bool Share(Registering a, Registering b) => RegistrationGroups.KeysOf(a).Intersect(RegistrationGroups.KeysOf(b)).Any();

        Assert.True(Share(Registration("u1", null, "p1", "p2"), Registration("u2", null, "p2")));
        Assert.True(Share(Registration("u1", "r1", "p1"), Registration("u1", "r1", "p9")));
        Assert.False(Share(Registration("u1", "r1", "p1"), Registration("u2", "r1", "p9")));
        Assert.False(Share(Registration("u1", "r1", "p1"), Registration("u1", "r2", "p2")));
        Assert.False(Share(Registration("u1", null, "p1"), Registration("u1", null, "p2")));
        // A request id is not an identity, whatever its text.
        Assert.False(Share(Registration("u1", "p1"), Registration("u1", null, "p1")));
    }
}
