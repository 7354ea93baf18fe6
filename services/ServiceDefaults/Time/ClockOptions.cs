using Coordination.ServiceDefaults.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Coordination.ServiceDefaults.Time;

/// <summary>
/// Section "Clock": Speed 1 is real time. A faster clock (training mode) is refused outside the Development and Training
/// environments: in production a limit must pass when the law says it does.
/// </summary>
public sealed class ClockOptions
{
    public const string TrainingEnvironment = "Training";

    public double Speed { get; set; } = 1;

    /// <summary>The instant from which the clock runs faster; every service of a drill must be given the same one.</summary>
    public DateTimeOffset? Origin { get; set; }

    /// <returns>The system clock, or a training clock when Clock:Speed is above 1 where that is allowed.</returns>
    public static TimeProvider From(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection("Clock").Get<ClockOptions>() ?? new ClockOptions();
        if (options.Speed == 1) return TimeProvider.System;
        if (!(options.Speed > 1) || options.Speed > 100_000)
            throw new StartupRefusedException($"Clock:Speed {options.Speed} must be 1 (real time) or, for training, above 1 and at most 100000");
        if (!environment.IsDevelopment() && !environment.IsEnvironment(TrainingEnvironment))
            throw new StartupRefusedException($"Clock:Speed {options.Speed} (training mode) is refused in the {environment.EnvironmentName} environment: " +
                "only Development and Training run a faster clock");
        if (options.Origin is null)
            throw new MissingSettingException("Clock:Origin is missing: the instant the training clock starts from, the same for every service (./run.sh --training sets it)");
        return new AcceleratedClock(options.Speed, options.Origin.Value);
    }
}
