using Microsoft.Extensions.DependencyInjection.Extensions;
using PrivateApiEdge.Web.Features.Audit;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.EndpointTest;
using PrivateApiEdge.Web.Features.Provisioning;
using PrivateApiEdge.Web.Features.Provisioning.Steps;
using PrivateApiEdge.Web.Features.Provisioning.Steps.Teardown;

namespace PrivateApiEdge.Web.Hosting;

public static class ProvisioningExtensions
{
    /// <summary>The provisioning engine, its steps, the job that drives it, the progress feed and the deployment service.</summary>
    public static WebApplicationBuilder AddProvisioning(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProvisioningOptions>().BindConfiguration(ProvisioningOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddProvisioningServices();
        return builder;
    }

    /// <summary>The same registrations on a bare service collection (tests that host the engine without the portal).</summary>
    public static IServiceCollection AddProvisioningServices(this IServiceCollection services)
    {
        services.AddOptions<ProvisioningOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient();
        // AddProgressFeed picks the notifier for the database provider first; bare collections (tests) get the in-process one.
        services.TryAddSingleton<InProcessDeploymentProgressNotifier>();
        services.TryAddSingleton<IDeploymentProgressNotifier>(sp => sp.GetRequiredService<InProcessDeploymentProgressNotifier>());
        services.AddSingleton<IEndpointTester, EndpointTester>();
        services.TryAddSingleton<IViewerDnsResolver, SystemViewerDnsResolver>();
        services.AddHttpClient(ViewerConnections.ViewerClient)
            .ConfigurePrimaryHttpMessageHandler(sp => ViewerConnections.CreateViewerHandler(sp.GetRequiredService<IViewerDnsResolver>()));
        services.AddHttpClient(ViewerConnections.DataPathClient)
            .ConfigurePrimaryHttpMessageHandler(ViewerConnections.CreateDataPathHandler);

        services.AddSingleton<IProvisioningStep, PreflightStep>();
        services.AddSingleton<IProvisioningStep, SecurityGroupsStep>();
        services.AddSingleton<IProvisioningStep, VpcEndpointStep>();
        services.AddSingleton<IProvisioningStep, PrivateApiStep>();
        services.AddSingleton<IProvisioningStep, ApiDomainStep>();
        services.AddSingleton<IProvisioningStep, TargetGroupStep>();
        services.AddSingleton<IProvisioningStep, LoadBalancerStep>();
        services.AddSingleton<IProvisioningStep, VpcOriginStep>();
        services.AddSingleton<IProvisioningStep, OriginSecurityStep>();
        services.AddSingleton<IProvisioningStep, DistributionStep>();
        services.AddSingleton<IProvisioningStep, DnsRecordsStep>();
        services.AddSingleton<IProvisioningStep, TargetHealthStep>();
        services.AddSingleton<IProvisioningStep, EndpointTestStep>();

        services.AddSingleton<ITeardownStep, DnsRecordsTeardownStep>();
        services.AddSingleton<ITeardownStep, DistributionTeardownStep>();
        services.AddSingleton<ITeardownStep, VpcOriginTeardownStep>();
        services.AddSingleton<ITeardownStep, OriginSecurityTeardownStep>();
        services.AddSingleton<ITeardownStep, LoadBalancerTeardownStep>();
        services.AddSingleton<ITeardownStep, TargetGroupTeardownStep>();
        services.AddSingleton<ITeardownStep, ApiDomainTeardownStep>();
        services.AddSingleton<ITeardownStep, PrivateApiTeardownStep>();
        services.AddSingleton<ITeardownStep, VpcEndpointTeardownStep>();
        services.AddSingleton<ITeardownStep, SecurityGroupsTeardownStep>();

        services.AddSingleton<IStepCatalog>(sp => new StepCatalog(sp.GetServices<IProvisioningStep>(), sp.GetServices<ITeardownStep>()));
        services.AddMetrics();
        services.TryAddSingleton<ProvisioningMetrics>();
        services.AddSingleton<StepRunner>();
        services.AddSingleton<ProvisioningEngine>();
        services.TryAddSingleton<PreciseWakeUpTimers>();
        services.AddTransient<AdvanceDeploymentJob>();
        // Every deployment action is audited; the auth registrations add the same log for the portal's other uses.
        services.TryAddSingleton<AuditLog>();
        services.AddScoped<DeploymentService>();
        return services;
    }
}
