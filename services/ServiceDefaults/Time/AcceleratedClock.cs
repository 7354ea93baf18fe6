namespace Coordination.ServiceDefaults.Time;

/// <summary>
/// Training mode (issue 18): a clock that runs Speed times faster than the real one from a shared Origin, so that staff
/// can watch the reminder, 催办 and 督办 ladder happen in minutes. Every service given the same Clock:Speed and
/// Clock:Origin reads the same time. Timers and delays made through it (PeriodicTimer, Task.Delay with this provider)
/// wait Speed times less real time.
/// </summary>
public sealed class AcceleratedClock : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly DateTimeOffset _origin;
    private readonly long _firstTimestamp;

    public AcceleratedClock(double speed, DateTimeOffset origin, TimeProvider? real = null)
    {
        if (!(speed >= 1) || double.IsInfinity(speed)) throw new ArgumentOutOfRangeException(nameof(speed), speed, "the clock's speed is at least 1");
        Speed = speed;
        _origin = origin.ToUniversalTime();
        _real = real ?? System;
        _firstTimestamp = _real.GetTimestamp();
    }

    public double Speed { get; }

    public override DateTimeOffset GetUtcNow()
    {
        var real = _real.GetUtcNow();
        return _origin + TimeSpan.FromTicks((long)((real - _origin).Ticks * Speed));
    }

    public override TimeZoneInfo LocalTimeZone => _real.LocalTimeZone;

    public override long TimestampFrequency => _real.TimestampFrequency;

    /// <summary>Elapsed time measured through this clock is Speed times the real elapsed time.</summary>
    public override long GetTimestamp() => _firstTimestamp + (long)((_real.GetTimestamp() - _firstTimestamp) * Speed);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _real.CreateTimer(callback, state, Faster(dueTime), Faster(period));

    private TimeSpan Faster(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : TimeSpan.FromTicks((long)(span.Ticks / Speed));
}
