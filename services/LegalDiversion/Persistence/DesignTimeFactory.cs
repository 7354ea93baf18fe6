using Coordination.ServiceDefaults.Persistence;

namespace Coordination.LegalDiversion.Persistence;

public sealed class DesignTimeFactory() : ServiceDesignTimeFactory<LegalDiversionDb>("coordination_legal_diversion", options => new LegalDiversionDb(options));
