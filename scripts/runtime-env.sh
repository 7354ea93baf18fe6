# The runtime settings every service starts with (sourced by run.sh and faults/run.sh; deploy/Dockerfile sets the same).
# A 64 MB first GC generation instead of the ~16 MB the runtime picks on this machine: a registration allocates ~200 KB,
# so at 450 cases/s Intake collected 7 times a second and paused a fifth of the time; with 64 MB the services' CPU a case
# fell ~15 % (issue 15; README Figures). Only an environment variable sets it (runtimeconfig.json does not).
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x4000000}"
# Tiered compilation reaches its final code sooner after a start: hot methods are compiled once more (no instrumented
# middle tier: TieredPGO off) and call counting starts at once instead of after 100 ms without new methods (which, while
# a service keeps meeting new code, put it off for tens of seconds). The first 10,000 cases after a start ran at 246–270
# cases/s without these and 500–583 with them; warm rounds stayed within the noise (issue 15; README Figures).
export DOTNET_TieredPGO="${DOTNET_TieredPGO:-0}"
export DOTNET_TC_CallCountingDelayMs="${DOTNET_TC_CallCountingDelayMs:-0}"
