using Coordination.Contracts.Intake;
using Coordination.ServiceDefaults.Persistence;

namespace Coordination.UnitTests;

public sealed class OutboxSignalTests
{
    [Fact]
    public async Task Many_notifications_wake_the_relay_once()
    {
        var signal = new OutboxSignal();
        for (var i = 0; i < 5; i++) signal.Notify();
        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.False(await signal.WaitAsync(TimeSpan.FromMilliseconds(20), CancellationToken.None));
    }

    [Fact]
    public void Message_type_names_resolve_back_to_the_contract_type()
    {
        var name = MessageTypes.NameOf(typeof(PetitionRegistered));
        Assert.Equal("Coordination.Contracts.Intake.PetitionRegistered, Coordination.Contracts", name);
        Assert.Equal(typeof(PetitionRegistered), MessageTypes.Resolve(name));
        Assert.Throws<InvalidOperationException>(() => MessageTypes.Resolve("Nope.Missing, Nowhere"));
    }
}
