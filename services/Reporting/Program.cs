await Coordination.Reporting.ReportingService.RunAsync(args);
