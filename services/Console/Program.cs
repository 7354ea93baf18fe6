return await Coordination.Console.ConsoleApp.RunAsync(args);
