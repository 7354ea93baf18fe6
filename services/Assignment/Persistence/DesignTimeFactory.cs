using Coordination.ServiceDefaults.Persistence;

namespace Coordination.Assignment.Persistence;

public sealed class DesignTimeFactory() : ServiceDesignTimeFactory<AssignmentDb>("coordination_assignment", options => new AssignmentDb(options));
