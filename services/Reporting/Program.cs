return await Coordination.Reporting.ReportingService.RunAsync(args);
