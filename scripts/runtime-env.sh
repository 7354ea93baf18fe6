# The runtime settings every service starts with (sourced by run.sh and faults/run.sh; deploy/Dockerfile sets the same).
# A 64 MB first GC generation instead of the ~16 MB the runtime picks on this machine: a registration allocates ~200 KB,
# so at 450 cases/s Intake collected 7 times a second and paused a fifth of the time; with 64 MB the services' CPU a case
# fell ~15 % (issue 15; README Figures). Only an environment variable sets it (runtimeconfig.json does not).
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x4000000}"
