using Coordination.ServiceDefaults.Persistence;

namespace Coordination.Intake.Persistence;

public sealed class DesignTimeFactory() : ServiceDesignTimeFactory<IntakeDb>("coordination_intake", options => new IntakeDb(options));
