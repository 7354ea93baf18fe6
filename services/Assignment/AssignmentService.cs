using Coordination.ServiceDefaults.Recusal;
using Coordination.ServiceDefaults.Attachments;
using Coordination.Assignment.Api;
using Coordination.Assignment.Consumers;
using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;
using Coordination.Assignment.Workflow;
using Coordination.ServiceDefaults.Hosting;
using Coordination.ServiceDefaults.Persistence;
using Coordination.ServiceDefaults.Telemetry;
using Coordination.ServiceDefaults.Time;

namespace Coordination.Assignment;

public static class AssignmentService
{
    public const string Name = "assignment";

    public static readonly ServiceSpec<AssignmentDb> Spec = new(Name, 5102, "assignment")
    {
        Consumers = x =>
        {
            x.AddConsumer<PetitionRegisteredConsumer>();
            x.AddConsumer<ReturnsFromElsewhereConsumer>();
            x.AddConsumer<PetitionerRequestConsumer>();
            x.AddConsumer<EarlyWarningConsumer>();
        },
        Services = builder =>
        {
            builder.AddRecusalShield<AssignmentCaseLocator>();
            builder.Services.AddScoped<ICaseOrigins, HandlingCaseOrigins>();
            builder.Services.AddSingleton<ReferenceDataCache<RoutingRule>>();
            builder.Services.AddSingleton<ReferenceDataCache<RuleSet>>();
            builder.Services.AddScoped<AssignmentReferenceData>();
            builder.Services.AddScoped<RuleSetActions>();
            builder.Services.AddScoped<AssignmentQueries>();
            builder.Services.AddScoped<IAttachmentStore, PostgresAttachmentStore<AssignmentDb>>();
            builder.Services.AddScoped<CaseRouter>();
            builder.Services.AddScoped<CaseOpening>();
            builder.Services.AddScoped<IBeforeGroupApply<AssignmentDb>, PreloadedCases>();
            builder.Services.AddScoped<ReturnedCases>();
            builder.Services.AddScoped<CaseUnitOfWork>();
            builder.Services.AddScoped<UnitActions>();
            builder.Services.AddScoped<BureauActions>();
            builder.Services.AddScoped<ReviewActions>();
            builder.Services.AddScoped<PetitionerRequests>();
            builder.Services.AddScoped<SuggestionQueries>();
            builder.Services.AddScoped<SuggestionActions>();
            builder.Services.AddScoped<OwnershipActions>();
            builder.Services.Configure<MajorEventOptions>(builder.Configuration.GetSection("Assignment:MajorEvents"));
            builder.Services.AddScoped<MajorEventActions>();
            builder.Services.AddScoped<AccountabilityActions>();
            builder.Services.AddScoped<AccountabilityQueries>();
            builder.Services.AddScoped<AccountabilityRules>();
            builder.Services.AddScoped<EarlyWarnings>();
            builder.AddDeadlineScanner<AssignmentDb, AssignmentDeadlines>();
        },
        Endpoints = app =>
        {
            app.MapGrpcService<AssignmentGrpcService>().RequireAuthorization();
            app.MapGrpcService<SuggestionGrpcService>().RequireAuthorization();
            app.MapGrpcService<CaseOwnershipGrpcService>().RequireAuthorization();
            app.MapGrpcService<MajorEventGrpcService>().RequireAuthorization();
            app.MapGrpcService<AccountabilityGrpcService>().RequireAuthorization();
        },
    };

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null) =>
        ServiceApp.Build(Spec, typeof(AssignmentService).Assembly.GetName().Name!, args, configure);

    public static Task<int> RunAsync(string[] args) => ServiceApp.RunAsync<AssignmentDb>(Name, () => Build(args));
}
