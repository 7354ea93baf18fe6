return await Coordination.Directory.DirectoryService.RunAsync(args);
