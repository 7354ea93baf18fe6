using Coordination.ServiceDefaults.Persistence;

namespace Coordination.Reporting.Persistence;

public sealed class DesignTimeFactory() : ServiceDesignTimeFactory<ReportingDb>("coordination_reporting", options => new ReportingDb(options));
