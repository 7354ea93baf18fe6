using Coordination.ServiceDefaults.Hosting;
using Coordination.ServiceDefaults.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.UnitTests;

public sealed class AcceleratedClockTests
{
    private static readonly DateTimeOffset Origin = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Time_runs_speed_times_faster_from_the_origin()
    {
        var real = new FakeTimeProvider(Origin);
        var clock = new AcceleratedClock(60, Origin, real);
        Assert.Equal(Origin, clock.GetUtcNow());
        real.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(Origin.AddHours(1), clock.GetUtcNow());
    }

    [Fact]
    public void Two_services_with_the_same_origin_read_the_same_time_whenever_they_started()
    {
        var real = new FakeTimeProvider(Origin.AddMinutes(7));
        Assert.Equal(new AcceleratedClock(100, Origin, real).GetUtcNow(), new AcceleratedClock(100, Origin, real).GetUtcNow());
        Assert.Equal(Origin.AddMinutes(700), new AcceleratedClock(100, Origin, real).GetUtcNow());
    }

    [Fact]
    public void Timers_and_elapsed_time_follow_the_faster_clock()
    {
        var real = new FakeTimeProvider(Origin);
        var clock = new AcceleratedClock(60, Origin, real);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);
        real.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, fired);
        real.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, fired);
        var start = clock.GetTimestamp();
        real.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromMinutes(2), clock.GetElapsedTime(start));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void A_faster_clock_is_refused_outside_development_and_training(string environment)
    {
        var ex = Assert.Throws<StartupRefusedException>(() => ClockOptions.From(Settings("60"), Environment(environment)));
        Assert.Contains(environment, ex.Message);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Training")]
    public void Development_and_training_may_run_a_faster_clock(string environment) =>
        Assert.Equal(60, Assert.IsType<AcceleratedClock>(ClockOptions.From(Settings("60"), Environment(environment))).Speed);

    [Theory]
    [InlineData("0.5")]
    [InlineData("-3")]
    [InlineData("1000000")]
    public void A_speed_below_one_or_absurdly_high_is_refused(string speed) =>
        Assert.Throws<StartupRefusedException>(() => ClockOptions.From(Settings(speed), Environment("Training")));

    [Fact]
    public void Real_time_everywhere_by_default_and_without_an_origin_a_drill_does_not_start()
    {
        Assert.Same(TimeProvider.System, ClockOptions.From(new ConfigurationBuilder().Build(), Environment("Production")));
        var noOrigin = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Clock:Speed"] = "60" }).Build();
        Assert.Throws<MissingSettingException>(() => ClockOptions.From(noOrigin, Environment("Training")));
    }

    private static IConfiguration Settings(string speed) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Clock:Speed"] = speed, ["Clock:Origin"] = Origin.ToString("O"),
    }).Build();

    private static IHostEnvironment Environment(string name) => new HostingEnvironment { EnvironmentName = name };
}
