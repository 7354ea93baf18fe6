return await Coordination.Assignment.AssignmentService.RunAsync(args);
