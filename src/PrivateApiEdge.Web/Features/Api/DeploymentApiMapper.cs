using System.Text.Json;
using PrivateApiEdge.Web.Components.Pages.Deployments;
using PrivateApiEdge.Web.Features.Dashboard;
using PrivateApiEdge.Web.Features.DeploymentForm;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.EndpointTest;
using PrivateApiEdge.Web.Features.Preflight;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Features.Api;

/// <summary>Between the API's JSON shapes and the portal's own types; entities never leave through the API.</summary>
public static class DeploymentApiMapper
{
    /// <summary>
    /// The form model an API body stands for, so <see cref="DeploymentFormValidator.Validate"/> judges both alike.
    /// Returns what cannot be said as a form field at all (a tag key with '=', a line break inside a tag), keyed
    /// like the validator's errors.
    /// </summary>
    public static (DeploymentFormModel Model, IReadOnlyDictionary<string, string> Errors) ToFormModel(CreateDeploymentBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var model = new DeploymentFormModel
        {
            Name = body.Name ?? "",
            DomainName = body.DomainName ?? "",
            Region = body.Region ?? "",
            VpcId = body.VpcId ?? "",
            SubnetIds = (body.SubnetIds ?? []).Select(s => s ?? "").ToList(),
            CloudFrontCertificateArn = body.CloudFrontCertificateArn ?? "",
            RegionalCertificateArn = body.RegionalCertificateArn ?? "",
            HostedZoneId = body.HostedZoneId ?? "",
            ExistingVpcEndpointId = body.ExistingVpcEndpointId ?? "",
            ExistingRestApiId = body.ExistingRestApiId ?? "",
            ExistingStageName = body.ExistingStageName ?? "",
            EnableIpv6 = body.EnableIpv6 ?? true,
            CachePolicy = body.CachePolicy ?? CachePolicyChoice.CachingDisabled,
            WebAclArn = body.WebAclArn ?? "",
            GeoRestriction = body.GeoRestriction ?? GeoRestrictionKind.None,
            GeoRestrictionCountries = string.Join(", ", (body.GeoRestrictionCountries ?? []).Select(c => c ?? "")),
            Tags = TagLines(body.Tags, errors),
            OverwriteExistingRecord = body.OverwriteExistingRecord ?? false,
            AssumeRoleArn = body.AssumeRoleArn ?? "",
            AssumeRoleExternalId = body.AssumeRoleExternalId ?? "",
        };
        return (model, errors);
    }

    /// <summary>The JSON name of a form field (the API body uses the form's names in camel case).</summary>
    public static string JsonName(string formField) => JsonNamingPolicy.CamelCase.ConvertName(formField);

    public static DeploymentSummaryDto ToSummary(DeploymentListItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(item.Id, item.Name, item.Status, item.Owner, item.DomainName, item.Region, item.CreatedAt, item.UpdatedAt);
    }

    public static DeploymentDto ToDto(Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        // The deployment page's mapper already knows which outputs are resources and which a user copies out.
        var view = DeploymentViewMapper.Map(deployment, [], AwsCallSnapshot.Empty, _ => null);
        var test = DeploymentService.LastEndpointTest(deployment);
        return new DeploymentDto(
            deployment.Id,
            deployment.Name,
            deployment.Status,
            deployment.Phase,
            deployment.Owner,
            deployment.DomainName,
            deployment.Region,
            deployment.CreatedAt,
            deployment.UpdatedAt,
            deployment.CompletedAt,
            deployment.FailedStep,
            deployment.Error,
            view.Steps.Select(v => ToStep(deployment.Step(deployment.Phase, v.Key), v.Title)).ToList(),
            view.Resources.Select(r => new DeploymentResourceDto(r.Kind, r.Id, r.ConsoleUrl, r.Shared, r.Deleted)).ToList(),
            view.Outputs.Select(o => new DeploymentOutputDto(o.TestId, o.Label, o.Value)).ToList(),
            test is null ? null : ToDto(test));
    }

    public static EndpointTestDto ToDto(EndpointTestResult test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return new(test.At, test.Url, test.Passed, test.StatusCode, test.LatencyMilliseconds, test.Body, test.FailingHop, test.Diagnosis, test.Headers);
    }

    public static DeploymentLogEntryDto ToDto(DeploymentLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Id, entry.At, entry.Phase, entry.Step, entry.Level, entry.Message);
    }

    public static PreflightDto ToDto(PreflightReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.Passed, report.Summary(), report.Findings.Select(ToDto).ToList());
    }

    public static PreflightFindingDto ToDto(PreflightFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new(finding.Check, finding.Severity, finding.Message, finding.FixHint);
    }

    private static DeploymentStepDto ToStep(DeploymentStep step, string title) => new(
        step.Name,
        title,
        step.Phase,
        step.Status,
        step.Attempts,
        step.StartedAt,
        step.FinishedAt,
        step.Duration?.TotalSeconds,
        step.WaitReason,
        step.Error,
        step.AwsCalls);

    /// <summary>The form's key=value lines; a tag those lines cannot carry faithfully is an error, not a silent rewrite.</summary>
    private static string TagLines(IReadOnlyList<DeploymentTag?>? tags, Dictionary<string, string> errors)
    {
        var field = nameof(DeploymentFormModel.Tags);
        var lines = new List<string>();
        foreach (var tag in tags ?? [])
        {
            if (tag?.Key is not { Length: > 0 } key)
            {
                errors.TryAdd(field, "Each tag needs a key of 1-128 characters.");
                continue;
            }

            var value = tag.Value ?? "";
            if ((UnsafeText.Problem(key) ?? UnsafeText.Problem(value)) is { } unsafeText)
            {
                errors.TryAdd(field, $"Tag '{Printable(key)}': {unsafeText}");
            }
            else if (key.Contains('=', StringComparison.Ordinal))
            {
                errors.TryAdd(field, $"Tag key '{key}' contains '='; the portal keeps tags as key=value, so keys cannot hold it.");
            }

            lines.Add($"{key}={value}");
        }

        return string.Join('\n', lines);
    }

    /// <summary>A key for a message: control characters shown as code points, so the message itself stays clean.</summary>
    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? UnsafeText.CodePoint(c) : c.ToString()));
}
