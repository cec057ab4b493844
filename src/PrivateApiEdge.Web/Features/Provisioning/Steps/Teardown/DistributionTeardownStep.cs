using PrivateApiEdge.Web.Aws.CloudFront;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps.Teardown;

/// <summary>Disable (fresh ETag), wait until deployed, delete (fresh ETag again). Gone counts as deleted.</summary>
public sealed class DistributionTeardownStep : ITeardownStep
{
    public string Name => StepNames.Distribution;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var cloudFront = context.Aws.CloudFront;
        var id = context.OutputOf(StepNames.Distribution, OutputKeys.DistributionId)
            ?? (await cloudFront.FindDistributionByAliasAsync(context.Request.DomainName, cancellationToken))?.Id;
        if (id is null)
        {
            context.Log("The distribution was never created or is already gone.");
            return StepOutcome.Done();
        }

        var current = await IdempotentAwsCalls.OrNullIfNotFoundAsync(() => cloudFront.GetDistributionAsync(new GetDistributionRequest(id), cancellationToken));
        if (current is null)
        {
            return StepOutcome.Done();
        }

        if (current.Distribution.Status != "Deployed")
        {
            return context.WaitOrGiveUp(new PollSchedule(WaitNames.DistributionDeployed, TimeSpan.FromSeconds(20)), TimeSpan.FromMinutes(60), $"distribution {id} to finish deploying");
        }

        try
        {
            if (current.Distribution.DistributionConfig.Enabled)
            {
                var config = await cloudFront.GetDistributionConfigAsync(new GetDistributionConfigRequest(id), cancellationToken);
                await cloudFront.UpdateDistributionAsync(new UpdateDistributionRequest(id, config.DistributionConfig.WithEnabled(false), config.ETag), cancellationToken);
                context.Log($"Disabled distribution {id}.");
                return context.WaitFor(new PollSchedule(WaitNames.DistributionDeployed, TimeSpan.FromSeconds(20)), $"distribution {id} to deploy its disabled state");
            }

            await cloudFront.DeleteDistributionAsync(new DeleteDistributionRequest(id, current.ETag), cancellationToken);
            context.Log($"Deleted distribution {id}.");
            return StepOutcome.Done();
        }
        catch (AwsApiException ex) when (AwsErrors.IsNotFound(ex))
        {
            return StepOutcome.Done();
        }
        catch (AwsApiException ex) when (ex.Is(CloudFrontErrorCodes.PreconditionFailed, CloudFrontErrorCodes.InvalidIfMatchVersion, CloudFrontErrorCodes.DistributionNotDisabled))
        {
            // Someone (or our previous attempt) changed it in between: read it again and retry.
            return context.WaitFor(TimeSpan.FromSeconds(5), $"a fresh ETag for distribution {id} ({ex.ErrorCode})");
        }
    }
}
