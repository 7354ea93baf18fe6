using Coordination.Cli;

return await CoordApp.RunAsync(args);
