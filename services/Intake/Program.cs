return await Coordination.Intake.IntakeService.RunAsync(args);
