using Coordination.ServiceDefaults.Persistence;

namespace Coordination.Directory.Persistence;

public sealed class DesignTimeFactory() : ServiceDesignTimeFactory<DirectoryDb>("coordination_directory", options => new DirectoryDb(options));
