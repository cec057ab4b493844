using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;
using PrivateApiEdge.Web.Aws;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Features.DeploymentForm;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Preflight;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.Web.Components.Pages.NewDeployment;

public sealed partial class NewDeploymentPage : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private readonly DeploymentFormModel _model = new();
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private IReadOnlyList<VpcOption> _vpcs = [];
    private IReadOnlyList<SubnetOption> _subnets = [];
    private IReadOnlyList<VpcEndpointOption> _endpoints = [];
    private IReadOnlyList<CertificateOption> _cloudFrontCertificates = [];
    private IReadOnlyList<CertificateOption> _regionalCertificates = [];
    private IReadOnlyList<HostedZoneOption> _zones = [];
    private IReadOnlyList<RestApiOption> _apis = [];
    private PreflightReport? _preflight;
    private string? _lookupError;
    private bool _loadingVpcs;
    private bool _preflighting;
    private bool _deploying;
    private bool _submitted;
    private string? _userId;

    [Inject]
    private DeploymentFormLookups Lookups { get; set; } = null!;

    [Inject]
    private DeploymentService Deployments { get; set; } = null!;

    [Inject]
    private IOptions<AwsOptions> Aws { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private CurrentPortalUser CurrentUser { get; set; } = null!;

    private IReadOnlyList<string> StagesOfChosenApi =>
        _apis.FirstOrDefault(a => a.RestApiId == _model.ExistingRestApiId)?.Stages ?? [];

    /// <summary>Errors show for fields the user touched; after a submit attempt, for all of them.</summary>
    private HashSet<string> ShownFields => _submitted ? _errors.Keys.ToHashSet(StringComparer.Ordinal) : _touched;

    /// <summary>The pickers list what the deployment's AWS account holds: through its role when one is entered (and valid).</summary>
    private DeploymentFormLookups AccountLookups =>
        _userId is not null && !string.IsNullOrWhiteSpace(_model.AssumeRoleArn)
            && DeploymentFormValidator.AssumeRoleArn(_model.AssumeRoleArn) is null
            && DeploymentFormValidator.AssumeRoleExternalId(_model.AssumeRoleExternalId, _model.AssumeRoleArn) is null
            ? Lookups.For(new AssumeRoleSettings(_model.AssumeRoleArn.Trim(), string.IsNullOrEmpty(_model.AssumeRoleExternalId) ? null : _model.AssumeRoleExternalId, RoleSessionNames.For(_userId)))
            : Lookups;

    protected override async Task OnInitializedAsync()
    {
        _model.Region = Aws.Value.Region;
        _userId = (await CurrentUser.GetAsync()).Id;
        Validate();
        await LoadAccountAsync();
    }

    private async Task LoadAccountAsync()
    {
        await LookupAsync(async ct =>
        {
            _zones = await AccountLookups.ListHostedZonesAsync(ct);
            _cloudFrontCertificates = await AccountLookups.ListCertificatesAsync(AwsRegions.CloudFrontRegion, ct);
        });
        await LoadRegionAsync();
    }

    /// <summary>Another role can mean another account: every choice made from the old one's lists is cleared.</summary>
    private async Task OnAccountChangedAsync(string field)
    {
        Touch(field);
        _lookupError = null;
        _preflight = null;
        _model.HostedZoneId = "";
        _model.CloudFrontCertificateArn = "";
        ClearRegionalChoices();
        await LoadAccountAsync();
    }

    private async Task OnRegionChangedAsync()
    {
        Touch(nameof(_model.Region));
        ClearRegionalChoices();
        await LoadRegionAsync();
    }

    /// <summary>Choices made from one region's (or account's) lists mean nothing in another.</summary>
    private void ClearRegionalChoices()
    {
        _model.VpcId = "";
        _model.SubnetIds = [];
        _model.ExistingVpcEndpointId = "";
        _model.RegionalCertificateArn = "";
        _model.ExistingRestApiId = "";
        _model.ExistingStageName = "";
        _subnets = [];
        _endpoints = [];
    }

    private async Task LoadRegionAsync()
    {
        var region = _model.Region;
        _loadingVpcs = true;
        await LookupAsync(async ct =>
        {
            _vpcs = await AccountLookups.ListVpcsAsync(region, ct);
            _regionalCertificates = await AccountLookups.ListCertificatesAsync(region, ct);
            _apis = await AccountLookups.ListPrivateApisAsync(region, ct);
        });
        _loadingVpcs = false;
        Validate();
    }

    private async Task OnVpcChangedAsync()
    {
        Touch(nameof(_model.VpcId));
        _model.SubnetIds = [];
        _model.ExistingVpcEndpointId = "";
        var (region, vpc) = (_model.Region, _model.VpcId);
        await LookupAsync(async ct =>
        {
            _subnets = await AccountLookups.ListSubnetsAsync(region, vpc, ct);
            _endpoints = await AccountLookups.ListExecuteApiEndpointsAsync(region, vpc, ct);
        });
        Validate();
    }

    private void OnSubnetsChanged(IEnumerable<string>? subnets)
    {
        _model.SubnetIds = subnets?.ToList() ?? [];
        Touch(nameof(_model.SubnetIds));
    }

    private void OnApiChanged()
    {
        _model.ExistingStageName = StagesOfChosenApi.Count == 1 ? StagesOfChosenApi[0] : "";
        Touch(nameof(_model.ExistingRestApiId));
    }

    private void Touch(string field)
    {
        _touched.Add(field);
        Validate();
    }

    private void Validate()
    {
        var zone = _zones.FirstOrDefault(z => z.HostedZoneId == _model.HostedZoneId);
        var subnetZones = _subnets.Where(s => s.AvailabilityZone is not null).ToDictionary(s => s.SubnetId, s => s.AvailabilityZone!);
        _errors = DeploymentFormValidator.Validate(_model, new DeploymentFormContext(zone?.Name, subnetZones));
    }

    private bool HasError(string field) => ErrorOf(field) is not null;

    private string? ErrorOf(string field) => ShownFields.Contains(field) ? _errors.GetValueOrDefault(field) : null;

    private async Task RunPreflightAsync()
    {
        if (_preflighting || !CheckForm())
        {
            return;
        }

        _preflighting = true;
        try
        {
            _preflight = await Deployments.PreflightAsync(DeploymentRequestFactory.From(_model), await CurrentUser.GetAsync(), _disposed.Token);
        }
        catch (AwsApiException ex)
        {
            _lookupError = $"Preflight could not ask AWS: {ex.Message}";
        }
        finally
        {
            _preflighting = false;
        }
    }

    private async Task DeployAsync()
    {
        if (!CheckForm())
        {
            return;
        }

        _deploying = true;
        try
        {
            var deployment = await Deployments.CreateAsync(DeploymentRequestFactory.From(_model), await CurrentUser.GetAsync(), _disposed.Token);
            Snackbar.Add($"{deployment.Name} is queued.", Severity.Info);
            Navigation.NavigateTo($"/deployments/{deployment.Id}");
        }
        catch (DeploymentConflictException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
            _deploying = false;
        }
    }

    private bool CheckForm()
    {
        _submitted = true;
        Validate();
        return _errors.Count == 0;
    }

    /// <summary>Runs picker lookups; a failure is shown (AWS said no, or is unreachable) instead of an empty list.</summary>
    private async Task LookupAsync(Func<CancellationToken, Task> lookup)
    {
        try
        {
            await lookup(_disposed.Token);
        }
        catch (AwsApiException ex)
        {
            _lookupError = $"Could not load choices from AWS: {ex.Message}";
        }
        catch (HttpRequestException ex)
        {
            _lookupError = $"Could not reach AWS: {ex.Message}";
        }
    }

    private string VpcLabel(string? id) => _vpcs.FirstOrDefault(v => v.VpcId == id)?.Label ?? id ?? "";

    private string EndpointLabel(string? id) =>
        string.IsNullOrEmpty(id) ? "Create a new endpoint" : _endpoints.FirstOrDefault(e => e.VpcEndpointId == id)?.Label ?? id;

    private string CloudFrontCertificateLabel(string? arn) => _cloudFrontCertificates.FirstOrDefault(c => c.CertificateArn == arn)?.Label ?? arn ?? "";

    private string RegionalCertificateLabel(string? arn) => _regionalCertificates.FirstOrDefault(c => c.CertificateArn == arn)?.Label ?? arn ?? "";

    private string ZoneLabel(string? id) => _zones.FirstOrDefault(z => z.HostedZoneId == id)?.Label ?? id ?? "";

    private string ApiLabel(string? id) =>
        string.IsNullOrEmpty(id) ? "Create a \"hello\" API" : _apis.FirstOrDefault(a => a.RestApiId == id)?.Label ?? id;

    private string SubnetsText(List<string?> ids) =>
        string.Join(", ", ids.Select(id => _subnets.FirstOrDefault(s => s.SubnetId == id) is { } s ? $"{s.SubnetId} ({s.AvailabilityZone})" : id));

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
