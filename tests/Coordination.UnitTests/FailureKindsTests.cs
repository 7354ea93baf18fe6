using System.Net.Sockets;
using System.Text.Json;
using Coordination.ServiceDefaults.Grpc;
using Coordination.ServiceDefaults.Messaging;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RabbitMQ.Client.Exceptions;
using StackExchange.Redis;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.UnitTests;

/// <summary>Which failures wait for delayed redelivery, which go to the error queue at once, which answer Unavailable.</summary>
public sealed class FailureKindsTests
{
    private static PostgresException Pg(string sqlState) => new("test", "ERROR", "ERROR", sqlState);

    private static DbUpdateException Saving(Exception inner) => new("An error occurred while saving the entity changes.", inner);

    public static TheoryData<string> PermanentSqlStates => ["22001", "22P02", "23502", "23503", "23514", "42P01", "42703", "42601"];

    [Theory]
    [MemberData(nameof(PermanentSqlStates))]
    public void Data_integrity_and_schema_errors_are_permanent_even_inside_EF_Cores_exception(string sqlState)
    {
        Assert.True(FailureKinds.IsPermanent(Saving(Pg(sqlState))));
        Assert.False(FailureKinds.IsTransientInfrastructure(Saving(Pg(sqlState))));
    }

    [Theory]
    [InlineData("57P01")] // admin shutdown: PostgreSQL restarting, or pg_terminate_backend
    [InlineData("57P03")] // cannot connect now: still starting
    [InlineData("08006")] // connection failure
    [InlineData("53300")] // too many connections
    public void A_PostgreSQL_outage_is_transient_infrastructure(string sqlState)
    {
        Assert.False(FailureKinds.IsPermanent(Saving(Pg(sqlState))));
        Assert.True(FailureKinds.IsTransientInfrastructure(Saving(Pg(sqlState))));
    }

    [Theory]
    [InlineData("40001")] // serialization failure
    [InlineData("40P01")] // deadlock
    [InlineData("23505")] // a lost race on a unique key: the next attempt sees the winner's row
    public void Conflicts_are_retried_but_are_not_an_outage(string sqlState)
    {
        Assert.False(FailureKinds.IsPermanent(Saving(Pg(sqlState))));
        Assert.False(FailureKinds.IsTransientInfrastructure(Saving(Pg(sqlState))));
    }

    public static TheoryData<Exception> Outages =>
    [
        new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)),
        new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new NpgsqlException("Exception while reading from stream", new TimeoutException())),
        new TimeoutException("The operation has timed out"),
        new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "No connection is available"),
        new RedisTimeoutException(CommandFlags.None, "Timeout awaiting response", CommandStatus.Sent),
        new BrokerUnreachableException(new SocketException((int)SocketError.ConnectionRefused)),
        new MassTransit.ConnectionException("RabbitMQ connection lost"),
    ];

    [Theory]
    [MemberData(nameof(Outages))]
    public void Infrastructure_outages_are_transient(Exception outage)
    {
        Assert.False(FailureKinds.IsPermanent(outage));
        Assert.True(FailureKinds.IsTransientInfrastructure(outage));
    }

    public static TheoryData<Exception> Unreadable =>
    [
        new DomainRuleException("CaseAlreadyClosed", "the case is closed"),
        new PermanentFailureException("unknown unit code"),
        new ArgumentException("bad region"),
        new FormatException("not a date"),
        new JsonException("unexpected token"),
        new System.Runtime.Serialization.SerializationException("Message envelope not found"),
    ];

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Bad_data_and_broken_invariants_are_permanent(Exception failure)
    {
        Assert.True(FailureKinds.IsPermanent(failure));
        Assert.False(FailureKinds.IsTransientInfrastructure(failure));
    }

    [Fact]
    public void An_unknown_failure_is_redelivered_rather_than_parked_and_is_not_called_an_outage()
    {
        foreach (var failure in new Exception[]
                 {
                     new InvalidOperationException("something unexpected"), new NotFoundException("case"),
                     new DbUpdateConcurrencyException("changed meanwhile"), new NullReferenceException(),
                 })
        {
            Assert.False(FailureKinds.IsPermanent(failure), failure.GetType().Name);
            Assert.False(FailureKinds.IsTransientInfrastructure(failure), failure.GetType().Name);
        }
    }

    [Fact]
    public void The_outermost_exception_that_says_something_decides()
    {
        // A connection refused while reading a value that would not have fitted: the outage is what happened now.
        Assert.True(FailureKinds.IsTransientInfrastructure(new TimeoutException("timed out", new FormatException())));
        Assert.True(FailureKinds.IsPermanent(new PermanentFailureException("refused", new TimeoutException())));
    }

    private static readonly DomainExceptionInterceptor Interceptor = new(NullLogger<DomainExceptionInterceptor>.Instance);

    private static Task<string> Call(Exception thrown) =>
        Interceptor.UnaryServerHandler<string, string>("request", null!, (_, _) => throw thrown);

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task A_handler_failing_on_an_outage_answers_Unavailable(Exception outage)
    {
        var answer = await Assert.ThrowsAsync<RpcException>(() => Call(outage));
        Assert.Equal(StatusCode.Unavailable, answer.StatusCode);
        Assert.DoesNotContain("5432", answer.Status.Detail); // a short message, no infrastructure details
    }

    [Fact]
    public async Task A_PostgreSQL_restart_answers_Unavailable_and_domain_exceptions_keep_their_statuses()
    {
        Assert.Equal(StatusCode.Unavailable, (await Assert.ThrowsAsync<RpcException>(() => Call(Saving(Pg("57P01"))))).StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition,
            (await Assert.ThrowsAsync<RpcException>(() => Call(new DomainRuleException("Rule", "no")))).StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => Call(new NotFoundException("case")))).StatusCode);
        // Anything else is left to gRPC as before (UNKNOWN), not disguised as an outage.
        await Assert.ThrowsAsync<InvalidOperationException>(() => Call(new InvalidOperationException("bug")));
        await Assert.ThrowsAsync<DbUpdateException>(() => Call(Saving(Pg("22001"))));
    }

    [Fact]
    public void Delay_queues_are_named_by_their_interval_and_dead_letter_into_their_queue()
    {
        Assert.Equal("assignment-petition-registered_delay_5s", DelayQueues.NameFor("assignment-petition-registered", TimeSpan.FromSeconds(5)));
        Assert.Equal(["1500ms", "30s", "2m", "90s", "1h"],
            new[] { 1.5, 30, 120, 90, 3600 }.Select(s => DelayQueues.Label(TimeSpan.FromSeconds(s))));
        var arguments = DelayQueues.ArgumentsFor("reporting-timeline", TimeSpan.FromMinutes(2));
        Assert.Equal(120_000, arguments["x-message-ttl"]);
        Assert.Equal("", arguments["x-dead-letter-exchange"]);
        Assert.Equal("reporting-timeline", arguments["x-dead-letter-routing-key"]);
        Assert.Equal("classic", arguments["x-queue-type"]);
    }

    [Fact]
    public void Configured_intervals_replace_the_defaults_rather_than_add_to_them()
    {
        static IReadOnlyList<TimeSpan> Bound(Dictionary<string, string?> settings) =>
            new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("RabbitMq").Get<RabbitMqOptions>()!
                .Redelivery.Validated();

        Assert.Equal(DelayedRedeliveryOptions.DefaultIntervals, Bound(new() { ["RabbitMq:Host"] = "rabbit" }));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)],
            Bound(new() { ["RabbitMq:Redelivery:Intervals:0"] = "00:00:01", ["RabbitMq:Redelivery:Intervals:1"] = "00:00:02" }));
        Assert.Throws<InvalidOperationException>(() => Bound(new() { ["RabbitMq:Redelivery:Intervals:0"] = "00:00:00" }));
    }
}
