return await Coordination.LegalDiversion.LegalDiversionService.RunAsync(args);
