namespace PrivateApiEdge.Web.Aws.ApiGateway;

/// <summary>
/// API Gateway REST APIs, v1 (REST-JSON, signing name <c>apigateway</c>), shaped like the SDK's
/// <c>IAmazonAPIGateway</c> for the operations the private-API and custom-domain steps use.
/// </summary>
/// <remarks>
/// Failures surface as <see cref="Core.AwsApiException"/> with the model's error type as <c>ErrorCode</c>
/// (<c>NotFoundException</c>, <c>ConflictException</c>, <c>BadRequestException</c>, <c>TooManyRequestsException</c>,
/// <c>LimitExceededException</c>...; see <see cref="ApiGatewayErrorCodes"/>). List calls return one page; <see cref="ApiGatewayPaginators"/> follows
/// <c>position</c>.
/// </remarks>
public interface IApiGatewayClient
{
    Task<RestApi> CreateRestApiAsync(CreateRestApiRequest request, CancellationToken cancellationToken);

    Task<RestApi> GetRestApiAsync(GetRestApiRequest request, CancellationToken cancellationToken);

    Task<GetRestApisResponse> GetRestApisAsync(GetRestApisRequest request, CancellationToken cancellationToken);

    Task DeleteRestApiAsync(DeleteRestApiRequest request, CancellationToken cancellationToken);

    Task<RestApi> UpdateRestApiAsync(UpdateRestApiRequest request, CancellationToken cancellationToken);

    Task<GetResourcesResponse> GetResourcesAsync(GetResourcesRequest request, CancellationToken cancellationToken);

    Task<Method> PutMethodAsync(PutMethodRequest request, CancellationToken cancellationToken);

    Task<MethodResponse> PutMethodResponseAsync(PutMethodResponseRequest request, CancellationToken cancellationToken);

    Task<Integration> PutIntegrationAsync(PutIntegrationRequest request, CancellationToken cancellationToken);

    Task<IntegrationResponse> PutIntegrationResponseAsync(PutIntegrationResponseRequest request, CancellationToken cancellationToken);

    Task<RestApiDeployment> CreateDeploymentAsync(CreateDeploymentRequest request, CancellationToken cancellationToken);

    Task<Stage> GetStageAsync(GetStageRequest request, CancellationToken cancellationToken);

    Task<GetStagesResponse> GetStagesAsync(GetStagesRequest request, CancellationToken cancellationToken);

    Task<CustomDomainName> CreateDomainNameAsync(CreateDomainNameRequest request, CancellationToken cancellationToken);

    Task<CustomDomainName> GetDomainNameAsync(GetDomainNameRequest request, CancellationToken cancellationToken);

    Task DeleteDomainNameAsync(DeleteDomainNameRequest request, CancellationToken cancellationToken);

    Task<BasePathMapping> CreateBasePathMappingAsync(CreateBasePathMappingRequest request, CancellationToken cancellationToken);

    Task<GetBasePathMappingsResponse> GetBasePathMappingsAsync(GetBasePathMappingsRequest request, CancellationToken cancellationToken);

    Task DeleteBasePathMappingAsync(DeleteBasePathMappingRequest request, CancellationToken cancellationToken);

    Task TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken);

    Task<GetTagsResponse> GetTagsAsync(GetTagsRequest request, CancellationToken cancellationToken);
}
