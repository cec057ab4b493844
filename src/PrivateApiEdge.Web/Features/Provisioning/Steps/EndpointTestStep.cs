using System.Globalization;
using System.Text.Json;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.EndpointTest;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps;

/// <summary>The last step: the public URL answers with the API's body. Retries briefly while the edge settles.</summary>
public sealed class EndpointTestStep(IEndpointTester tester) : IProvisioningStep
{
    public string Name => StepNames.EndpointTest;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var result = await tester.TestAsync(context.EndpointTestTarget(), context.Aws, cancellationToken);
        await context.RecordEndpointTestAsync(JsonSerializer.Serialize(result), cancellationToken);
        if (result.Passed)
        {
            context.Log($"GET {result.Url} → {result.StatusCode} in {result.LatencyMilliseconds:0} ms.");
            return StepOutcome.Done(new Dictionary<string, string>
            {
                [OutputKeys.EndpointTestStatus] = result.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "",
                [OutputKeys.EndpointTestLatencyMilliseconds] = result.LatencyMilliseconds.ToString(CultureInfo.InvariantCulture),
            });
        }

        if (result.ChainWorks)
        {
            // An adopted API need not answer GET / (403 MissingAuthenticationToken): the chain is what this step proves.
            context.Log($"GET {result.Url} → {result.StatusCode}: {result.Diagnosis}", DeploymentLogLevel.Warning);
            return StepOutcome.Done(new Dictionary<string, string>
            {
                [OutputKeys.EndpointTestStatus] = result.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "",
                [OutputKeys.EndpointTestLatencyMilliseconds] = result.LatencyMilliseconds.ToString(CultureInfo.InvariantCulture),
            });
        }

        var failure = $"GET {result.Url} → {(result.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "no answer")}; likely hop: {result.FailingHop}: {result.Diagnosis}";
        context.Log(failure, DeploymentLogLevel.Warning);
        return context.Now - context.StartedAt > TimeSpan.FromMinutes(5)
            ? StepOutcome.Failed(failure)
            : context.WaitFor(TimeSpan.FromSeconds(10), "The endpoint does not answer correctly yet");
    }
}
